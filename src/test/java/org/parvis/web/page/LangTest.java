package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LangTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "NONE | FR",
                "'' | FR",
                "en | EN",
                "en-GB,en;q=0.9 | EN",
                "de-DE,de;q=0.9,en;q=0.8,fr;q=0.7 | EN",
                "de-DE,de;q=0.9,fr;q=0.8,en;q=0.7 | FR",
                "en;q=0.2,fr-CA;q=0.5 | FR",
                "es,it | FR",
                "en;q=0 | FR",
                "en;q=nonsense | FR",
                "*;q=0.5,EN-us | EN"
            })
    void acceptLanguagePicksTheBestOfFrenchAndEnglishDefaultingToFrench(
            String header, Lang expected) {
        assertThat(Lang.fromAcceptLanguage(header)).isEqualTo(expected);
    }
}
