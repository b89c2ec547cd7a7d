package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parvis.model.AreaLevel;
import org.parvis.model.ProcessType;
import org.parvis.model.ThemeMethod;
import org.parvis.theme.ThemeCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The OpenAPI document served by the API describes exactly what the server does. */
class OpenApiDocumentTest {

    private static ApiFixture api;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        api = new ApiFixture(false);
        ApiFixture.Answer answer = api.get("/api/v1/openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        document = answer.json();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void isAnOpenApi31DocumentWithTheServerVersion() {
        assertThat(document.at("/openapi").asText()).matches("3\\.1\\.\\d+");
        assertThat(document.at("/info/title").asText()).isNotBlank();
        assertThat(document.at("/info/version").asText()).isEqualTo("0.1.0-test");
    }

    @Test
    void everyRouteOfTheServerIsDocumentedAndEveryDocumentedPathIsARoute() {
        List<String> routes = api.server.listRoutes();
        List<String> documented = new ArrayList<>();
        document.at("/paths")
                .properties()
                .forEach(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(
                                method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        assertThat(routes).contains("GET /api/v1/places", "GET /api/v1/places/at");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void everyDocumentedOperationAnswersSomethingOtherThanAnUnknownRouteOrWrongMethod() {
        document.at("/paths").properties().forEach(path -> {
            String concrete = path.getKey().replace("{key}", "demo:x").replace("{id}", "demo");
            path.getValue().fieldNames().forEachRemaining(method -> {
                ApiFixture.Answer answer = method.equals("post")
                        ? api.postJson(concrete, "{\"title\": \"Pistes cyclables\"}")
                        : api.get(concrete);

                assertThat(answer.body()).as(path.getKey()).doesNotContain("no resource at");
                assertThat(answer.status()).as(path.getKey()).isNotEqualTo(405);
            });
        });
    }

    @Test
    void feedParametersMatchTheParser() {
        JsonNode parameters = document.at("/components/parameters");
        List<String> names = new ArrayList<>();
        document.at("/paths/~1api~1v1~1feed/get/parameters")
                .forEach(ref -> names.add(resolve(ref).at("/name").asText()));

        assertThat(names).containsExactlyElementsOf(FeedRequest.PARAMETERS);
        assertThat(texts(parameters.at("/scope/schema/enum")))
                .containsExactlyElementsOf(FeedRequest.SCOPES);
        assertThat(texts(parameters.at("/sort/schema/enum")))
                .containsExactlyElementsOf(FeedRequest.SORTS);
        assertThat(texts(parameters.at("/kinds/schema/items/enum")))
                .containsExactlyElementsOf(FeedRequest.KINDS);
        assertThat(texts(parameters.at("/status/schema/items/enum")))
                .containsExactlyElementsOf(FeedRequest.STATUSES);
        assertThat(parameters.at("/limit/schema/minimum").asInt()).isEqualTo(1);
        assertThat(parameters.at("/limit/schema/maximum").asInt()).isEqualTo(100);
        assertThat(parameters.at("/limit/schema/default").asInt()).isEqualTo(20);
        assertThat(parameters.at("/q/schema/maxLength").asInt())
                .isEqualTo(FeedRequest.MAX_TEXT_CHARS);
        assertThat(parameters.at("/themes/schema/maxItems").asInt())
                .isEqualTo(FeedRequest.MAX_THEMES);
        assertThat(parameters.at("/place/required").asBoolean()).isTrue();
    }

    @Test
    void modelEnumsMatchTheCode() {
        JsonNode schemas = document.at("/components/schemas");

        assertThat(texts(schemas.at("/ProcessType/enum")))
                .containsExactlyElementsOf(Arrays.stream(ProcessType.values())
                        .map(ProcessType::code)
                        .toList());
        assertThat(texts(schemas.at("/AreaLevel/enum")))
                .containsExactlyElementsOf(
                        Arrays.stream(AreaLevel.values()).map(AreaLevel::code).toList());
    }

    @Test
    void theProblemSchemaHasTheRfc9457MembersAndExtensions() {
        JsonNode problem = document.at("/components/schemas/Problem/properties");

        for (String member : new String[] {
            "type", "title", "status", "detail", "instance", "parameter", "value", "allowed"
        }) {
            assertThat(problem.has(member)).as(member).isTrue();
        }
        assertThat(texts(problem.at("/type/enum")))
                .containsExactlyInAnyOrder(
                        Problem.BLANK,
                        Problem.INVALID_PARAMETER,
                        Problem.INVALID_BODY,
                        Problem.NOT_FOUND);
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() {
        document.at("/paths")
                .properties()
                .forEach(path -> path.getValue().forEach(operation -> {
                    JsonNode responses = operation.at("/responses");
                    assertThat(responses.has("200")).as(path.getKey()).isTrue();
                    assertThat(responses.has("400")).as(path.getKey()).isTrue();
                    responses.properties().forEach(response -> {
                        if (!response.getKey().equals("200")) {
                            assertThat(resolve(response.getValue())
                                            .at("/content")
                                            .has("application/problem+json"))
                                    .as(path.getKey() + " " + response.getKey())
                                    .isTrue();
                        }
                    });
                }));
    }

    @Test
    void themeAndClassifyLimitsMatchTheCode() {
        JsonNode schemas = document.at("/components/schemas");
        JsonNode request = schemas.at("/ClassifyRequest/properties");

        assertThat(texts(schemas.at("/LabelLanguage/enum")))
                .containsExactlyElementsOf(ThemeCatalog.LABEL_LANGUAGES);
        List<String> fields = new ArrayList<>();
        request.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(ClassifyEndpoint.FIELDS);
        assertThat(texts(schemas.at("/ClassifyRequest/required"))).containsExactly("title");
        assertThat(request.at("/title/maxLength").asInt())
                .isEqualTo(ClassifyEndpoint.MAX_TITLE_CHARS);
        assertThat(request.at("/description/maxLength").asInt())
                .isEqualTo(ClassifyEndpoint.MAX_DESCRIPTION_CHARS);
        assertThat(request.at("/categories/maxItems").asInt())
                .isEqualTo(ClassifyEndpoint.MAX_CATEGORIES);
        assertThat(request.at("/categoryOverrides/maxProperties").asInt())
                .isEqualTo(ClassifyEndpoint.MAX_OVERRIDES);
        assertThat(texts(schemas.at("/ClassifiedTheme/properties/method/enum")))
                .containsExactlyElementsOf(Arrays.stream(ThemeMethod.values())
                        .map(method -> method.name().toLowerCase(Locale.ROOT))
                        .toList());
        assertThat(document.at("/paths/~1api~1v1~1classify/post/responses").has("415"))
                .isTrue();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    @Test
    void everySchemaIsUsed() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        document.at("/components/schemas")
                .fieldNames()
                .forEachRemaining(
                        name -> assertThat(refs).as(name).contains("#/components/schemas/" + name));
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("expected an array, got " + array).isTrue();
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
