package org.parvis.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

class ThemeCatalogTest {

    private final ThemeCatalog catalog = ThemeCatalog.loadDefault();

    @Test
    void catalogueHoldsTheTwentyParvisThemesWithLabelsInSixLanguages() {
        assertThat(catalog.listThemes()).hasSize(20);
        assertThat(catalog.listThemes())
                .allSatisfy(theme -> assertThat(theme.labels())
                        .containsKeys("fr", "en", "es", "de", "it", "ca")
                        .allSatisfy((language, label) -> assertThat(label).isNotBlank()));
        assertThat(catalog.getTheme("mobilite").label("fr")).isEqualTo("Transports et mobilités");
        assertThat(catalog.getTheme("mobilite").label("en")).isEqualTo("Transport & mobility");
        assertThat(catalog.getTheme("mobilite").label("ca")).isEqualTo("Transport i mobilitat");
    }

    @Test
    void everyThemeIsMappedToEuDataThemesEurovocDomainsAndSdgs() {
        assertThat(catalog.listThemes()).allSatisfy(theme -> {
            assertThat(theme.euDataThemes()).isNotEmpty();
            assertThat(theme.eurovocDomains()).isNotEmpty();
            assertThat(theme.sdgs())
                    .isNotEmpty()
                    .allSatisfy(sdg -> assertThat(sdg).isBetween(1, 17));
        });
        Theme mobility = catalog.getTheme("mobilite");
        assertThat(mobility.euDataThemes()).containsExactly("TRAN");
        assertThat(mobility.eurovocDomains()).containsExactly("48");
        assertThat(mobility.sdgs()).containsExactly(11, 9);
        assertThat(catalog.getTheme("europe_international").eurovocDomains())
                .containsExactly("08", "10", "76");
        assertThat(catalog.getTheme("climat_energie").euDataThemes())
                .containsExactly("ENER", "ENVI");
    }

    @Test
    void sharedVocabularyCodesAreGivenAsUris() {
        Theme mobility = catalog.getTheme("mobilite");
        assertThat(mobility.euDataThemeUris())
                .containsExactly(URI.create(
                        "http://publications.europa.eu/resource/authority/data-theme/TRAN"));
        assertThat(mobility.eurovocDomainUris())
                .containsExactly(URI.create("http://eurovoc.europa.eu/100154"));
        assertThat(catalog.getTheme("democratie").eurovocDomainUris())
                .containsExactly(URI.create("http://eurovoc.europa.eu/100142"));
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertThat(catalog.getTheme("sante").label("nl")).isEqualTo("Health");
    }

    @Test
    void unknownThemeIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> catalog.getTheme("velo"))
                .hasMessageContaining("'velo'")
                .hasMessageContaining("mobilite");
        assertThat(catalog.findTheme("velo")).isEmpty();
    }

    @Test
    void malformedVocabularyCodesAreRejectedWithTheAllowedValues() {
        Map<String, String> labels = Map.of("fr", "Vélo", "en", "Cycling");
        assertThatThrownBy(() ->
                        new Theme("velo", labels, List.of("TRAN"), List.of("47"), List.of(11)))
                .hasMessageContaining("'47'")
                .hasMessageContaining("48");
        assertThatThrownBy(() ->
                        new Theme("velo", labels, List.of("TRAN"), List.of("48"), List.of(18)))
                .hasMessageContaining("SDG 18");
    }
}
