package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Saint-Étienne|saintetienne",
                "st etienne|saintetienne",
                "ST-ETIENNE|saintetienne",
                "Sainte-Maxime|saintemaxime",
                "ste maxime|saintemaxime",
                "Saintes|saintes",
                "L'Haÿ-les-Roses|lhaylesroses",
                "L’Hay les Roses|lhaylesroses",
                "Œuilly|oeuilly",
                "Neuilly s/ Seine|neuillysurseine",
                "Paris 12e Arrondissement|paris12arrondissement",
                "Paris 12ème|paris12",
                "Marseille 1er|marseille1",
                "  Saint-Denis (974)  |saintdenis974",
                "2A004|2a004",
                "Ville-d'Avray|villedavray",
                "Plouër-sur-Rance|plouersurrance"
            })
    void keysIgnoreCaseAccentsPunctuationAndAbbreviations(String text, String key) {
        assertThat(Names.key(text)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"- /|''", "Saint-Denis 93|saint,denis,93", "St-Malo|saint,malo"})
    void tokensAreTheNormalisedWordsOfTheKey(String text, String tokens) {
        assertThat(String.join(",", Names.tokens(text))).isEqualTo(tokens);
        assertThat(String.join("", Names.tokens(text))).isEqualTo(Names.key(text));
    }
}
