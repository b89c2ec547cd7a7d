package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

class ClassifyEndpointTest {

    private static final String PATH = "/api/v1/classify";
    private static final String CYCLING =
            "Créer des pistes cyclables sécurisées pour aller au collège à vélo";

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
    void aFrenchCyclingTitleIsAboutMobilityWithEvidenceAndAFrenchLabel() {
        ApiFixture.Answer answer =
                api.postJson(PATH, "{\"title\": \"" + CYCLING + "\", \"language\": \"fr\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        JsonNode first = answer.json().at("/themes/0");
        assertThat(first.at("/theme").asText()).isEqualTo("mobilite");
        assertThat(first.at("/label").asText()).isEqualTo("Transports et mobilités");
        assertThat(first.at("/method").asText()).isIn("lexicon", "classifier");
        assertThat(first.at("/score").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(first.at("/evidence").asText()).containsAnyOf("vélo", "cyclable");
    }

    @Test
    void withoutALanguageTheLabelIsEnglish() {
        JsonNode first =
                api.postJson(PATH, "{\"title\": \"" + CYCLING + "\"}").json().at("/themes/0");

        assertThat(first.at("/theme").asText()).isEqualTo("mobilite");
        assertThat(first.at("/label").asText()).isNotEqualTo("Transports et mobilités");
    }

    @Test
    void categoriesAndOverridesAreUsedAndExplained() {
        ApiFixture.Answer answer = api.postJson(PATH, """
                {"title": "Réunion publique", "description": null, "language": "fr-BE",
                 "categories": ["Deux-roues"], "categoryOverrides": {"Deux-roues": "mobilite"}}
                """);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode first = answer.json().at("/themes/0");
        assertThat(first.at("/theme").asText()).isEqualTo("mobilite");
        assertThat(first.at("/method").asText()).isEqualTo("source_mapping");
        assertThat(first.at("/evidence").asText()).contains("Deux-roues");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "malformed JSON | {\"title\": | body",
                "not an object | [\"title\"] | body",
                "trailing content | {\"title\": \"a\"} {} | body",
                "duplicate key | {\"title\": \"a\", \"title\": \"b\"} | body",
                "unknown field | {\"title\": \"a\", \"tags\": []} | tags",
                "missing title | {\"description\": \"vélo\"} | title",
                "blank title | {\"title\": \"   \"} | title",
                "title of wrong type | {\"title\": 42} | title",
                "description of wrong type | {\"title\": \"a\", \"description\": {}} | description",
                "unsupported language | {\"title\": \"a\", \"language\": \"nl\"} | language",
                "language of wrong type | {\"title\": \"a\", \"language\": [\"fr\"]} | language",
                "categories not an array | {\"title\": \"a\", \"categories\": \"vélo\"} | "
                        + "categories",
                "category of wrong type | {\"title\": \"a\", \"categories\": [\"ok\", 3]} | "
                        + "categories[1]",
                "overrides not an object | {\"title\": \"a\", \"categoryOverrides\": []} | "
                        + "categoryOverrides",
                "unknown theme in an override | {\"title\": \"a\", \"categoryOverrides\": "
                        + "{\"x\": \"nope\"}} | categoryOverrides",
                "override of wrong type | {\"title\": \"a\", \"categoryOverrides\": {\"x\": 1}} "
                        + "| categoryOverrides.x",
                "control character | {\"title\": \"a\\u0000b\"} | title",
                "unpaired surrogate | {\"title\": \"a\\ud800b\"} | title",
            })
    void aBadBodyIsA400ProblemNamingTheField(String label, String body, String field) {
        ApiFixture.Answer answer = api.postJson(PATH, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/type").asText()).isEqualTo(Problem.INVALID_BODY);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo(field);
        assertThat(answer.json().at("/detail").asText()).isNotBlank();
        assertThat(answer.json().at("/instance").asText()).isEqualTo(PATH);
    }

    @Test
    void aBadValueIsEchoedShortenedWithWhatIsAllowed() {
        ApiFixture.Answer language = api.postJson(PATH, "{\"title\": \"a\", \"language\": \"nl\"}");
        ApiFixture.Answer unknown = api.postJson(PATH, "{\"title\": \"a\", \"tags\": 1}");

        assertThat(language.json().at("/value").asText()).isEqualTo("nl");
        assertThat(language.json().at("/allowed").toString())
                .isEqualTo("[\"fr\",\"en\",\"es\",\"de\",\"it\",\"ca\"]");
        assertThat(unknown.json().at("/allowed").toString()).contains("title", "categoryOverrides");
    }

    @Test
    void tooLongTitleOrDescriptionIsA400ThatDoesNotEchoItWhole() {
        ApiFixture.Answer title = api.postJson(PATH, "{\"title\": \"" + "a".repeat(1_001) + "\"}");
        ApiFixture.Answer description = api.postJson(
                PATH, "{\"title\": \"a\", \"description\": \"" + "b".repeat(20_001) + "\"}");

        assertThat(title.status()).isEqualTo(400);
        assertThat(title.json().at("/parameter").asText()).isEqualTo("title");
        assertThat(title.json().at("/detail").asText()).contains("1001", "1000");
        assertThat(title.body()).doesNotContain("a".repeat(200));
        assertThat(description.status()).isEqualTo(400);
        assertThat(description.json().at("/parameter").asText()).isEqualTo("description");
        assertThat(description.json().at("/value").asText()).hasSizeLessThanOrEqualTo(120);
    }

    @Test
    void titleAndDescriptionAtTheirLimitsAreAccepted() {
        ApiFixture.Answer answer = api.postJson(
                PATH,
                "{\"title\": \"" + "vélo ".repeat(200) + "\", \"description\": \""
                        + "x".repeat(20_000) + "\"}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void aBodyOver64KibIsA413Problem() {
        byte[] body = ("{\"title\": \"a\", \"description\": \"" + " ".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        ApiFixture.Answer declared = api.post(PATH, "application/json", body);
        ApiFixture.Answer chunked = api.postChunked(PATH, body);

        for (ApiFixture.Answer answer : new ApiFixture.Answer[] {declared, chunked}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
            assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
            assertThat(answer.json().at("/detail").asText()).contains("65536");
        }
    }

    @Test
    void anEmptyBodyIsA400() {
        ApiFixture.Answer answer = api.post(PATH, "application/json", new byte[0]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("body");
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}'
        };

        ApiFixture.Answer answer = api.post(PATH, "application/json", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/detail").asText()).contains("UTF-8");
    }

    @ParameterizedTest
    @CsvSource(
            value = {
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1",
                "NONE"
            },
            nullValues = "NONE")
    void aBodyThatIsNotJsonIsA415Problem(String contentType) {
        ApiFixture.Answer answer = api.post(
                PATH, contentType, "{\"title\": \"vélo\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("Content-Type");
        assertThat(answer.json().at("/detail").asText()).contains("application/json");
    }

    @Test
    void jsonWithAUtf8CharsetIsAccepted() {
        ApiFixture.Answer answer = api.post(
                PATH,
                "application/json; charset=UTF-8",
                ("{\"title\": \"" + CYCLING + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void queryParametersAreRejected() {
        ApiFixture.Answer answer = api.postJson(PATH + "?lang=fr", "{\"title\": \"a\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("lang");
    }

    @Test
    void aCorsPreflightAllowsPostingJson() {
        ApiFixture.Answer answer = api.send(
                "OPTIONS",
                PATH,
                "Origin",
                "https://example.org",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "content-type");
        ApiFixture.Answer withoutHeaders = api.send(
                "OPTIONS",
                PATH,
                "Origin",
                "https://example.org",
                "Access-Control-Request-Method",
                "POST");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(answer.header("access-control-allow-methods")).isEqualTo("POST, OPTIONS");
        assertThat(answer.header("access-control-allow-headers")).isEqualTo("content-type");
        assertThat(answer.header("allow")).isEqualTo("POST, OPTIONS");
        assertThat(withoutHeaders.header("access-control-allow-headers")).isEqualTo("Content-Type");
    }

    @Test
    void getOnClassifyIsA405ProblemAllowingPost() {
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            ApiFixture.Answer answer = api.send(method, method.equals("PUT") ? PATH + "/" : PATH);

            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
            assertThat(answer.header("allow")).isEqualTo("POST, OPTIONS");
            assertThat(answer.json().at("/detail").asText()).contains(method, "POST");
        }
    }

    @Test
    void classificationsAreTimedUnderTheirRoute() {
        api.postJson(PATH, "{\"title\": \"" + CYCLING + "\"}");
        api.postJson(PATH, "{\"title\": \"\"}");

        assertThat(api.get("/metrics").body())
                .contains("method=\"POST\",route=\"/api/v1/classify\",status=\"200\"")
                .contains("method=\"POST\",route=\"/api/v1/classify\",status=\"400\"");
    }
}
