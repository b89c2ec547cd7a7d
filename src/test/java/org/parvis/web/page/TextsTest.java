package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parvis.model.AreaLevel;
import org.parvis.model.ContributionKind;
import org.parvis.model.Derivation;
import org.parvis.model.MeetingDetails;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;
import org.parvis.model.ThemeMethod;
import org.parvis.store.HarvestRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

class TextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(Texts.of(Lang.EN).keys()).isEqualTo(Texts.of(Lang.FR).keys());
    }

    @Test
    void everyKeyNamedInTemplatesAndCodeExists() throws IOException {
        Pattern literal = Pattern.compile("\\.(?:get|format)\\(\\s*\"([a-zA-Z0-9_.]+)\"");
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(
                Files.walk(Path.of("src/main/jte/page")),
                Files.walk(Path.of("src/main/java/org/parvis/web/page")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    // A key ending with a dot is a prefix completed with an enum value, checked
                    // below.
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
            }
        }

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(Texts.of(Lang.FR).keys()).containsAll(used);
    }

    @Test
    void everyEnumValueShownOnAPageHasItsText() {
        List<String> keys = new ArrayList<>();
        for (ProcessType type : ProcessType.values()) {
            keys.add("kind." + type.code());
        }
        for (ProcessStatus status : ProcessStatus.values()) {
            keys.add("status." + status.code());
        }
        for (AreaLevel level : AreaLevel.values()) {
            keys.add("level." + level.code());
            keys.add("levelName." + level.code());
        }
        for (ContributionKind kind : ContributionKind.values()) {
            keys.add("harvested." + kind.code());
        }
        for (Derivation derivation : Derivation.values()) {
            keys.add("derivation." + derivation.name().toLowerCase(Locale.ROOT));
        }
        for (ThemeMethod method : ThemeMethod.values()) {
            keys.add("method." + method.name().toLowerCase(Locale.ROOT));
        }
        for (MeetingDetails.Mode mode : MeetingDetails.Mode.values()) {
            keys.add("mode." + mode.name().toLowerCase(Locale.ROOT));
        }
        for (HarvestRun.Outcome outcome : HarvestRun.Outcome.values()) {
            keys.add("outcome." + outcome.name().toLowerCase(Locale.ROOT));
        }

        assertThat(Texts.of(Lang.FR).keys()).containsAll(keys);
    }

    @Test
    void aMissingKeyIsABugThatNamesIt() {
        assertThatThrownBy(() -> Texts.of(Lang.EN).get("no.such.key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.key")
                .hasMessageContaining("texts_en.properties");
    }

    @Test
    void placeholdersAreFilledInOrder() {
        assertThat(Texts.of(Lang.EN).format("why.place.parent", "Gironde", "Bordeaux", "stated"))
                .isEqualTo("It concerns Gironde, which includes Bordeaux (stated).");
    }
}
