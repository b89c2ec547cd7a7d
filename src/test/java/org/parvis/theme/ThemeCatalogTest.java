package org.parvis.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThemeCatalogTest {

    private final ThemeCatalog catalog = ThemeCatalog.loadDefault();

    @Test
    void catalogueHoldsTheTwentyParvisThemesWithLabelsInSixLanguages() {
        assertThat(catalog.listThemes()).hasSize(20);
        assertThat(catalog.listThemes())
                .allSatisfy(theme -> assertThat(theme.labels()).containsKeys("fr", "en", "es", "de", "it", "ca"));
        assertThat(catalog.getTheme("mobilite").label("fr")).isEqualTo("Transports et mobilités");
        assertThat(catalog.getTheme("mobilite").label("en")).isEqualTo("Transport & mobility");
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
    }
}
