package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parvis.theme.ThemeCatalog;

import java.util.ArrayList;
import java.util.List;

class ThemesEndpointTest {

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture(false);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void listsEveryThemeWithFrenchLabelsAndItsVocabularies() {
        ApiFixture.Answer answer = api.get("/api/v1/themes?lang=fr");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        JsonNode body = answer.json();
        assertThat(body.at("/language").asText()).isEqualTo("fr");
        List<String> ids = new ArrayList<>();
        body.at("/themes").forEach(theme -> ids.add(theme.at("/id").asText()));
        assertThat(ids).containsExactlyElementsOf(ThemeCatalog.loadDefault().listIds());
        JsonNode mobility = theme(body, "mobilite");
        assertThat(mobility.at("/label").asText()).isEqualTo("Transports et mobilités");
        assertThat(mobility.at("/labels/fr").asText()).isEqualTo("Transports et mobilités");
        assertThat(mobility.at("/labels").size()).isEqualTo(ThemeCatalog.LABEL_LANGUAGES.size());
        assertThat(mobility.at("/euDataThemes/0").asText()).isEqualTo("TRAN");
        assertThat(mobility.at("/eurovocDomains/0").asText()).isEqualTo("48");
        assertThat(mobility.at("/sdgs").isArray()).isTrue();
        assertThat(mobility.at("/sdgs/0").asInt()).isBetween(1, 17);
    }

    @Test
    void englishIsTheDefaultAndCanBeAskedFor() {
        JsonNode byDefault = api.get("/api/v1/themes").json();
        JsonNode english = api.get("/api/v1/themes?lang=en").json();

        assertThat(byDefault.at("/language").asText()).isEqualTo("en");
        assertThat(theme(byDefault, "mobilite").at("/label").asText())
                .isEqualTo(theme(english, "mobilite").at("/labels/en").asText())
                .isNotEqualTo("Transports et mobilités");
        assertThat(english).isEqualTo(byDefault);
    }

    @Test
    void acceptLanguageChoosesTheBestSupportedLanguage() {
        ApiFixture.Answer answer = api.send(
                "GET", "/api/v1/themes", "Accept-Language", "nl-BE, fr-BE;q=0.8, en;q=0.5");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/language").asText()).isEqualTo("fr");
        assertThat(theme(answer.json(), "mobilite").at("/label").asText())
                .isEqualTo("Transports et mobilités");
        assertThat(answer.header("vary")).isEqualTo("Accept-Language");
    }

    @Test
    void langWinsOverAcceptLanguageAndAnUnusableHeaderMeansEnglish() {
        assertThat(api.send("GET", "/api/v1/themes?lang=de", "Accept-Language", "fr")
                        .json()
                        .at("/language")
                        .asText())
                .isEqualTo("de");
        assertThat(api.send("GET", "/api/v1/themes", "Accept-Language", "nl, pt;q=0.5")
                        .json()
                        .at("/language")
                        .asText())
                .isEqualTo("en");
        assertThat(api.send("GET", "/api/v1/themes", "Accept-Language", ";;q=x,,")
                        .json()
                        .at("/language")
                        .asText())
                .isEqualTo("en");
    }

    @Test
    void anUnsupportedLangIsA400NamingTheParameterAndTheLanguages() {
        ApiFixture.Answer answer = api.get("/api/v1/themes?lang=nl");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("lang");
        assertThat(answer.json().at("/value").asText()).isEqualTo("nl");
        assertThat(answer.json().at("/allowed").toString())
                .isEqualTo("[\"fr\",\"en\",\"es\",\"de\",\"it\",\"ca\"]");
        assertThat(answer.json().at("/detail").asText()).contains("'nl'", "fr, en, es, de, it, ca");
    }

    @Test
    void unknownOrRepeatedParametersAre400() {
        ApiFixture.Answer unknown = api.get("/api/v1/themes?language=fr");
        ApiFixture.Answer repeated = api.get("/api/v1/themes?lang=fr&lang=en");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/parameter").asText()).isEqualTo("language");
        assertThat(unknown.json().at("/detail").asText()).contains("'lang'");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.json().at("/parameter").asText()).isEqualTo("lang");
    }

    private static JsonNode theme(JsonNode body, String id) {
        for (JsonNode theme : body.at("/themes")) {
            if (theme.at("/id").asText().equals(id)) {
                return theme;
            }
        }
        throw new AssertionError("no theme " + id + " in " + body);
    }
}
