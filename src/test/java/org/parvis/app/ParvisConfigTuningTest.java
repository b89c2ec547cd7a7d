package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.model.AreaId;
import org.parvis.source.SourceConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The per-source tuning keys of {@code parvis.yml}: category themes, scopes, request rate. */
class ParvisConfigTuningTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("parvis.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsCategoryThemesScopesAndRequestRate() throws IOException {
        Path file = write("""
                sources:
                  - id: bordeaux
                    kind: unified-json
                    baseUrl: https://participation.example
                    name: Participation Bordeaux
                    territory: fr:epci:243300316
                    requestsPerMinute: 30
                    categoryThemes:
                      "Cadre de vie": cadre_de_vie,environnement
                      "Vie associative": "-"
                    scopes:
                      "Quartier Bastide": fr:commune:33063
                """);

        SourceConfig source = ParvisConfig.read(file).sources().get(0);

        assertThat(source.categoryThemes())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Cadre de vie", "cadre_de_vie,environnement", "Vie associative", "-"));
        assertThat(source.scopes())
                .containsExactlyEntriesOf(
                        Map.of("Quartier Bastide", AreaId.parse("fr:commune:33063")));
        assertThat(source.requestsPerMinute()).isEqualTo(30);
    }

    @Test
    void sourceWithoutTuningGetsTheDefaults() throws IOException {
        Path file = write("""
                sources:
                  - {id: a, kind: unified-json, baseUrl: https://a.example, name: A}
                """);

        SourceConfig source = ParvisConfig.read(file).sources().get(0);

        assertThat(source.categoryThemes()).isEmpty();
        assertThat(source.scopes()).isEmpty();
        assertThat(source.requestsPerMinute()).isEqualTo(SourceConfig.DEFAULT_REQUESTS_PER_MINUTE);
    }

    @Test
    void unknownThemeIdNamesTheSourceTheThemeAndTheKnownIds() throws IOException {
        Path file = write("""
                sources:
                  - id: bordeaux
                    kind: unified-json
                    baseUrl: https://participation.example
                    name: Participation Bordeaux
                    categoryThemes:
                      "Mobilités douces": mobility
                """);

        assertThatThrownBy(() -> ParvisConfig.read(file))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("source #1 ('bordeaux')")
                .hasMessageContaining("unknown theme 'mobility'")
                .hasMessageContaining("mobilite");
    }

    @Test
    void scopeMappedToSomethingElseThanAnAreaIdIsRefused() throws IOException {
        Path file = write("""
                sources:
                  - id: bordeaux
                    kind: unified-json
                    baseUrl: https://participation.example
                    name: Participation Bordeaux
                    scopes:
                      "Quartier Bastide": Bordeaux
                """);

        assertThatThrownBy(() -> ParvisConfig.read(file))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("'bordeaux'")
                .hasMessageContaining("'Quartier Bastide' is mapped to 'Bordeaux'")
                .hasMessageContaining("fr:commune:33063");
    }

    @Test
    void requestRateOutOfRangeIsRefused() throws IOException {
        Path file = write("""
                sources:
                  - {id: a, kind: unified-json, baseUrl: https://a.example, name: A,
                     requestsPerMinute: 0}
                """);

        assertThatThrownBy(() -> ParvisConfig.read(file))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("requestsPerMinute 0 is out of range");
    }
}
