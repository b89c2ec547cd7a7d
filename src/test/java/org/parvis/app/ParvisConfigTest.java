package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parvis.model.AreaId;
import org.parvis.model.Licence;
import org.parvis.source.SourceConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reading {@code parvis.yml}. */
class ParvisConfigTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("parvis.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsSourcesWithTheirDefaults() throws IOException {
        Path file = write("""
                contact: mailto:ops@node.example
                sources:
                  - id: bordeaux-participation
                    kind: unified-json
                    baseUrl: https://participation.example/
                    name: Participation Bordeaux
                    organiser: Bordeaux Métropole
                    territory: fr:epci:243300316
                    interval: 30m
                    licence: {id: ODbL-1.0, url: https://opendatacommons.org/licenses/odbl/1-0/}
                  - id: minimal
                    kind: unified-json
                    baseUrl: http://other.example
                    name: Minimal
                """);

        ParvisConfig config = ParvisConfig.read(file);

        assertThat(config.contact()).isEqualTo(URI.create("mailto:ops@node.example"));
        assertThat(config.sources())
                .containsExactly(
                        new SourceConfig(
                                "bordeaux-participation",
                                "unified-json",
                                URI.create("https://participation.example"),
                                "Participation Bordeaux",
                                "Bordeaux Métropole",
                                AreaId.parse("fr:epci:243300316"),
                                List.of("fr"),
                                Duration.ofMinutes(30),
                                new Licence(
                                        "ODbL-1.0",
                                        "https://opendatacommons.org/licenses/odbl/1-0/",
                                        null),
                                false),
                        new SourceConfig(
                                "minimal",
                                "unified-json",
                                URI.create("http://other.example"),
                                "Minimal",
                                null,
                                null,
                                List.of("fr"),
                                ParvisConfig.DEFAULT_INTERVAL,
                                Licence.UNKNOWN,
                                false));
    }

    @Test
    void misspeltKeyIsRefusedWithTheKnownKeys() throws IOException {
        Path file = write("""
                sources:
                  - id: a
                    kind: unified-json
                    baseURL: https://a.example
                    name: A
                """);

        assertThatThrownBy(() -> ParvisConfig.read(file))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("unknown key 'baseURL' in sources #1;")
                .hasMessageContaining("baseUrl");
    }

    @Test
    void repeatedSourceIdIsRefused() throws IOException {
        Path file = write("""
                sources:
                  - {id: a, kind: unified-json, baseUrl: https://a.example, name: A}
                  - {id: a, kind: unified-json, baseUrl: https://b.example, name: B}
                """);

        assertThatThrownBy(() -> ParvisConfig.read(file))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("source #2 ('a'): source id 'a' is used twice");
    }

    @Test
    void badTerritoryNamesTheSourceAndTheExpectedForms() throws IOException {
        Path file = write("""
                sources:
                  - {id: a, kind: unified-json, baseUrl: https://a.example, name: A,
                     territory: "33063"}
                """);

        assertThatThrownBy(() -> ParvisConfig.read(file))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("source #1 ('a'): malformed area id '33063'")
                .hasMessageContaining("fr:commune:33063");
    }

    @Test
    void missingDefaultFileMeansNoSources() {
        assertThat(ParvisConfig.empty().sources()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "6h, PT6H", "1d, PT24H", "PT2H, PT2H", "pt15m, PT15M"
    })
    void intervalsReadShortAndIsoForms(String text, String expected) {
        assertThat(ParvisConfig.parseDuration(text)).isEqualTo(Duration.parse(expected));
    }

    @Test
    void unreadableIntervalSaysHowToWriteOne() {
        assertThatThrownBy(() -> ParvisConfig.parseDuration("six hours"))
                .hasMessage(
                        "interval 'six hours' is not a duration; write e.g. 30m, 6h, 1d or PT6H");
    }
}
