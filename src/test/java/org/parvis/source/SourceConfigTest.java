package org.parvis.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parvis.model.Licence;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Validation of source configurations and URL redaction. */
class SourceConfigTest {

    private static SourceConfig source(String id, String kind, String baseUrl, Duration interval) {
        return new SourceConfig(
                id,
                kind,
                URI.create(baseUrl),
                "Participer",
                null,
                null,
                List.of("fr"),
                interval,
                Licence.UNKNOWN,
                false);
    }

    @Test
    void baseUrlLosesItsTrailingSlashAndResolvesPaths() {
        SourceConfig source = source(
                "lyon", "unified-json", "https://participer.example/lyon/", Duration.ofHours(6));

        assertThat(source.baseUrl()).isEqualTo(URI.create("https://participer.example/lyon"));
        assertThat(source.resolve("parvis-export/v1/items?page=1"))
                .isEqualTo(URI.create(
                        "https://participer.example/lyon/parvis-export/v1/items?page=1"));
    }

    @Test
    void unknownKindNamesTheKnownOnes() {
        assertThatThrownBy(() ->
                        source("lyon", "consul", "https://participer.example", Duration.ofHours(6)))
                .hasMessageStartingWith("source 'lyon': unknown kind 'consul'; expected one of [")
                .hasMessageContainingAll(
                        "dataspace", "decidim,", "decidim-open-data", "unified-json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://participer.example",
                "/relative",
                "https://participer.example/?token=abc"
            })
    void baseUrlMustBeAPlainHttpUrl(String url) {
        assertThatThrownBy(() -> source("lyon", "unified-json", url, Duration.ofHours(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("source 'lyon': base URL")
                .hasMessageNotContaining("abc");
    }

    @Test
    void malformedIdIsRefused() {
        assertThatThrownBy(() -> source(
                        "Lyon Decidim", "unified-json", "https://p.example", Duration.ofHours(6)))
                .hasMessageContaining("malformed source id 'Lyon Decidim'");
    }

    @Test
    void intervalBelowOneMinuteIsRefused() {
        assertThatThrownBy(() ->
                        source("lyon", "unified-json", "https://p.example", Duration.ofSeconds(5)))
                .hasMessageContaining("harvest interval PT5S is too short; expected at least PT1M");
    }

    @Test
    void redactedUrlKeepsNoQueryFragmentOrCredentials() {
        URI uri = URI.create("https://user:secret@api.example:8443/v1/items?page=2&key=abc#top");

        assertThat(HttpFetcher.redact(uri)).isEqualTo("https://api.example:8443/v1/items");
    }

    @Test
    void everyKnownKindHasAConnector() {
        Connectors connectors = Connectors.defaults();

        assertThat(SourceConfig.KINDS)
                .allSatisfy(kind -> assertThat(connectors.findConnector(kind)).isPresent());
    }
}
