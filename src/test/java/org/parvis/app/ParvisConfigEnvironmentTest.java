package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.model.AreaId;
import org.parvis.source.SourceConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Environment variables override {@code parvis.yml}'s contact and source settings. */
class ParvisConfigEnvironmentTest {

    @TempDir
    Path dir;

    private Path path;
    private ParvisConfig file;

    @BeforeEach
    void read() throws IOException {
        path = dir.resolve("parvis.yml");
        Files.writeString(path, """
                contact: mailto:ops@node.example
                sources:
                  - id: bordeaux-participation
                    kind: decidim
                    baseUrl: https://participation.example
                    name: Participation Bordeaux
                    territory: fr:epci:243300316
                    interval: 6h
                  - id: rennes
                    kind: decidim-open-data
                    baseUrl: https://fabrique.example
                    name: Fabrique citoyenne
                """, StandardCharsets.UTF_8);
        file = ParvisConfig.read(path);
    }

    @Test
    void variablesWinOverTheFileForTheSourceTheyName() {
        ParvisConfig config = ParvisConfig.read(
                path,
                Map.of(
                        "PARVIS_CONTACT", "https://node.example/about",
                        "PARVIS_SOURCE_BORDEAUX_PARTICIPATION_BASE_URL", "https://staging.example",
                        "PARVIS_SOURCE_BORDEAUX_PARTICIPATION_INTERVAL", "30m",
                        "PARVIS_SOURCE_BORDEAUX_PARTICIPATION_REQUESTS_PER_MINUTE", "20",
                        "PARVIS_SOURCE_BORDEAUX_PARTICIPATION_LOCALES", "fr, en",
                        "PARVIS_SOURCE_BORDEAUX_PARTICIPATION_TERRITORY", "fr:commune:33063",
                        "PATH", "/usr/bin"));

        SourceConfig bordeaux = config.sources().get(0);
        assertThat(config.contact()).isEqualTo(URI.create("https://node.example/about"));
        assertThat(bordeaux.baseUrl()).isEqualTo(URI.create("https://staging.example"));
        assertThat(bordeaux.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(bordeaux.requestsPerMinute()).isEqualTo(20);
        assertThat(bordeaux.locales()).containsExactly("fr", "en");
        assertThat(bordeaux.territory()).isEqualTo(AreaId.commune("33063"));
        assertThat(bordeaux.name()).isEqualTo("Participation Bordeaux");
        assertThat(config.sources().get(1)).isEqualTo(file.sources().get(1));
    }

    @Test
    void mailVariablesReachTheMailBlock() {
        MailConfig mail = ParvisConfig.read(
                        path,
                        Map.of(
                                "PARVIS_MAIL_HOST", "smtp.example.org",
                                "PARVIS_MAIL_FROM", "Parvis <alertes@example.org>"))
                .mail();

        assertThat(mail.enabled()).isTrue();
        assertThat(mail.host()).isEqualTo("smtp.example.org");
    }

    @Test
    void withoutVariablesTheFileStandsAsItIs() {
        assertThat(ParvisConfig.read(path, Map.of("HOME", "/root"))).isEqualTo(file);
    }

    @Test
    void aVariableNamingNoSourceOrNoSettingIsRefused() {
        assertThatThrownBy(() -> ParvisConfig.read(
                        path, Map.of("PARVIS_SOURCE_BORDEAUX_BASE_URL", "https://x.example")))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("PARVIS_SOURCE_BORDEAUX_BASE_URL names no configured source")
                .hasMessageContaining("[bordeaux-participation, rennes]");
        assertThatThrownBy(() -> ParvisConfig.read(
                        path, Map.of("PARVIS_SOURCE_RENNES_BASEURL", "https://x.example")))
                .hasMessageContaining("a key of [BASE_URL, NAME, ORGANISER");
    }

    @Test
    void aBadValueNamesTheSourceAndWhatWasExpected() {
        assertThatThrownBy(() -> ParvisConfig.read(
                        path, Map.of("PARVIS_SOURCE_RENNES_REQUESTS_PER_MINUTE", "lots")))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining(
                        "PARVIS_SOURCE_RENNES_REQUESTS_PER_MINUTE 'lots' is not a whole number");
        assertThatThrownBy(() ->
                        ParvisConfig.read(path, Map.of("PARVIS_SOURCE_RENNES_TERRITORY", "Rennes")))
                .isInstanceOf(ParvisConfigException.class)
                .hasMessageContaining("('rennes')")
                .hasMessageContaining("'Rennes'");
    }
}
