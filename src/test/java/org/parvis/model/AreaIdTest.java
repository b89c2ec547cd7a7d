package org.parvis.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaIdTest {

    @ParameterizedTest
    @CsvSource({
        "fr:commune:33063, COMMUNE, 33063",
        "fr:commune:2A004, COMMUNE, 2A004",
        "fr:commune:97105, COMMUNE, 97105",
        "fr:arrondissement:75104, ARRONDISSEMENT, 75104",
        "fr:epci:243300316, EPCI, 243300316",
        "fr:departement:2B, DEPARTEMENT, 2B",
        "fr:departement:974, DEPARTEMENT, 974",
        "fr:region:75, REGION, 75",
        "fr, NATION, fr",
        "eu, EU, eu",
        "local:bordeaux-decidim:Quartier Bastide, LOCAL, Quartier Bastide"
    })
    void wellFormedIdsParseToTheirLevelAndCode(String text, AreaLevel level, String code) {
        AreaId id = AreaId.parse(text);

        assertThat(id.level()).isEqualTo(level);
        assertThat(id.code()).isEqualTo(code);
        assertThat(id.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "paris",
                "fr:commune:3306",
                "fr:commune:330630",
                "FR",
                "fr:epci:24330031",
                "fr:region:7",
                "fr:departement:2C",
                "local::x",
                "fr:commune:33063 "
            })
    void malformedIdsAreRejectedWithTheExpectedForms(String text) {
        assertThatThrownBy(() -> AreaId.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed area id")
                .hasMessageContaining("fr:commune:33063");
    }
}
