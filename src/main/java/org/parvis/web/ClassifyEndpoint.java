package org.parvis.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Json;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;
import org.parvis.theme.ClassificationInput;
import org.parvis.theme.ThemeCatalog;
import org.parvis.theme.ThemeClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /api/v1/classify}: the themes the Parvis classifier gives to a text (title,
 * optional description, language, source categories and category overrides), each with its
 * method, score and evidence, and its label in the request's language (else English).
 *
 * <p>The body is read strictly: at most {@value #MAX_BODY_BYTES} bytes of {@code
 * application/json} in UTF-8, one object with known fields of the right types, no duplicate
 * keys. Every fault is a 4xx problem naming the field, the value received and what is allowed.
 *
 * <p>Thread-safe. The classifier is obtained on the first request, since building it takes about a
 * second.
 */
final class ClassifyEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifyEndpoint.class);

    static final String PATH = "/api/v1/classify";

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_TITLE_CHARS = 1_000;
    static final int MAX_DESCRIPTION_CHARS = 20_000;
    static final int MAX_CATEGORIES = 100;
    static final int MAX_CATEGORY_CHARS = 200;
    static final int MAX_OVERRIDES = 200;

    static final List<String> FIELDS =
            List.of("title", "description", "language", "categories", "categoryOverrides");

    private final Supplier<ThemeClassifier> classifier;

    ClassifyEndpoint(Supplier<ThemeClassifier> classifier) {
        this.classifier = classifier;
    }

    /** The body of the answer. */
    record Classification(List<ClassifiedTheme> themes) {}

    /** One theme given to the text, with its label. */
    record ClassifiedTheme(
            String theme, String label, ThemeMethod method, double score, String evidence) {}

    void handle(Context ctx) {
        QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
        requireJsonContentType(ctx.header("Content-Type"));
        JsonNode body = parse(readBody(ctx));
        ClassificationInput input = toInput(body);

        long start = System.nanoTime();
        List<ThemeAssignment> assignments = classifier.get().classify(input);
        LOG.debug(
                "classified a text of {} characters into {} themes in {} ms",
                input.title().length() + input.description().length(),
                assignments.size(),
                (System.nanoTime() - start) / 1_000_000);

        ThemeCatalog catalog = classifier.get().catalog();
        String labelLanguage =
                input.language() == null ? ThemesEndpoint.DEFAULT_LANGUAGE : input.language();
        List<ClassifiedTheme> themes = new ArrayList<>();
        for (ThemeAssignment assignment : assignments) {
            String label = catalog.label(assignment.theme(), labelLanguage);
            themes.add(new ClassifiedTheme(
                    assignment.theme(),
                    label,
                    assignment.method(),
                    assignment.score(),
                    assignment.evidence()));
        }
        Responses.json(ctx, new Classification(themes));
    }

    private static void requireJsonContentType(@Nullable String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        boolean utf8 = true;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                utf8 = false;
            }
        }
        if (!mediaType.equals("application/json") || !utf8) {
            throw new Problem(
                            Problem.BLANK,
                            "Unsupported Media Type",
                            415,
                            "the body must be JSON sent as Content-Type: application/json "
                                    + "(UTF-8); got "
                                    + (contentType == null
                                            ? "no Content-Type"
                                            : "'" + Problem.shown(contentType) + "'"),
                            null,
                            "Content-Type",
                            contentType,
                            List.of("application/json"))
                    .toException();
        }
    }

    private static byte[] readBody(Context ctx) {
        return RequestBodies.read(ctx, MAX_BODY_BYTES, ClassifyEndpoint::tooLarge);
    }

    private static ProblemException tooLarge(String size) {
        return Problem.ofStatus(
                        413,
                        "Content Too Large",
                        "the body is " + size + "; at most " + MAX_BODY_BYTES
                                + " bytes (64 KiB) are accepted:" + " shorten the description")
                .toException();
    }

    /** Parses exactly one JSON value, rejecting duplicate keys and trailing content. */
    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw field(
                    "body",
                    null,
                    "the body is empty; send a JSON object with at least a 'title'",
                    FIELDS);
        }
        try (JsonParser parser = Json.mapper().getFactory().createParser(bytes)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode node = Json.mapper().readTree(parser);
            if (parser.nextToken() != null) {
                throw field(
                        "body",
                        null,
                        "the body has content after its JSON value; send one JSON object",
                        FIELDS);
            }
            if (node == null || !node.isObject()) {
                throw field(
                        "body",
                        node == null ? null : node.toString(),
                        "the body must be a JSON object such as {\"title\": \"…\"}; got "
                                + (node == null
                                        ? "nothing"
                                        : node.getNodeType().name().toLowerCase(Locale.ROOT)),
                        FIELDS);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw field(
                    "body",
                    null,
                    "the body is not valid JSON in UTF-8: " + e.getOriginalMessage()
                            + "; send a JSON object such as {\"title\": \"…\"}",
                    FIELDS);
        } catch (IOException e) {
            throw Problem.badRequest(
                            "the request body could not be parsed (" + e.getMessage() + ")")
                    .toException();
        }
    }

    private static ClassificationInput toInput(JsonNode body) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw field(
                        name,
                        body.get(name).toString(),
                        "unknown field '" + Problem.shown(name) + "'; the body accepts "
                                + String.join(", ", FIELDS),
                        FIELDS);
            }
        }

        String title = text(body, "title", MAX_TITLE_CHARS);
        if (title == null || title.isBlank()) {
            throw field(
                    "title",
                    title,
                    "field 'title' is required and must not be blank; send the text's title",
                    List.of("a string of 1 to " + MAX_TITLE_CHARS + " characters"));
        }
        String description = text(body, "description", MAX_DESCRIPTION_CHARS);
        String language = language(body);
        List<String> categories = categories(body);
        Map<String, String> overrides = overrides(body);
        return new ClassificationInput(
                title, description == null ? "" : description, language, categories, overrides);
    }

    /** A string field, or null when absent or JSON null. */
    private static @Nullable String text(JsonNode body, String name, int maxChars) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        String form = "a string of at most " + maxChars + " characters";
        if (!node.isTextual()) {
            throw field(
                    name,
                    node.toString(),
                    "field '" + name + "' must be a string; got "
                            + node.getNodeType().name().toLowerCase(Locale.ROOT),
                    List.of(form));
        }
        String value = node.textValue();
        if (value.length() > maxChars) {
            throw field(
                    name,
                    value,
                    "field '" + name + "' is " + value.length() + " characters long; at most "
                            + maxChars + " are accepted",
                    List.of(form));
        }
        requireCleanText(name, value);
        return value;
    }

    private static @Nullable String language(JsonNode body) {
        String language = text(body, "language", 35);
        if (language == null) {
            return null;
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        if (!ThemeCatalog.LABEL_LANGUAGES.contains(primary)) {
            throw field(
                    "language",
                    language,
                    "field 'language' is '" + Problem.shown(language) + "'; the classifier reads "
                            + String.join(", ", ThemeCatalog.LABEL_LANGUAGES)
                            + " (a region such as fr-BE is accepted); leave it out to have the "
                            + "language guessed",
                    ThemeCatalog.LABEL_LANGUAGES);
        }
        return primary;
    }

    private static List<String> categories(JsonNode body) {
        JsonNode node = body.get("categories");
        if (node == null || node.isNull()) {
            return List.of();
        }
        String form = "an array of at most " + MAX_CATEGORIES + " strings of at most "
                + MAX_CATEGORY_CHARS + " characters";
        if (!node.isArray() || node.size() > MAX_CATEGORIES) {
            throw field(
                    "categories",
                    node.toString(),
                    "field 'categories' must be " + form + "; got "
                            + (node.isArray()
                                    ? node.size() + " elements"
                                    : node.getNodeType().name().toLowerCase(Locale.ROOT)),
                    List.of(form));
        }
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String name = "categories[" + i + "]";
            if (!element.isTextual() || element.textValue().length() > MAX_CATEGORY_CHARS) {
                throw field(
                        name,
                        element.toString(),
                        "field '" + name + "' must be a string of at most " + MAX_CATEGORY_CHARS
                                + " characters",
                        List.of(form));
            }
            requireCleanText(name, element.textValue());
            categories.add(element.textValue());
        }
        return categories;
    }

    private static Map<String, String> overrides(JsonNode body) {
        JsonNode node = body.get("categoryOverrides");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        List<String> form = List.of("an object of at most " + MAX_OVERRIDES
                + " entries mapping a source label to comma-separated theme ids, or to - "
                + "for no theme");
        if (!node.isObject() || node.size() > MAX_OVERRIDES) {
            throw field(
                    "categoryOverrides",
                    node.toString(),
                    "field 'categoryOverrides' must be " + form.get(0)
                            + ", e.g. {\"Vélo\": \"mobilite\"}",
                    form);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = "categoryOverrides." + entry.getKey();
            requireCleanText("categoryOverrides", entry.getKey());
            if (!entry.getValue().isTextual()
                    || entry.getValue().textValue().length() > MAX_CATEGORY_CHARS) {
                throw field(
                        name,
                        entry.getValue().toString(),
                        "field '" + Problem.shown(name)
                                + "' must be a string of theme ids separated by commas, or -",
                        form);
            }
            requireCleanText(name, entry.getValue().textValue());
            overrides.put(entry.getKey(), entry.getValue().textValue());
        }
        try {
            ThemeClassifier.requireValidOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw field("categoryOverrides", node.toString(), String.valueOf(e.getMessage()), form);
        }
        return overrides;
    }

    /**
     * Rejects control characters (other than tab and line breaks) and unpaired surrogates, which
     * no real text has and which could not be written back as JSON.
     */
    private static void requireCleanText(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c)
                            && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (control || unpaired) {
                throw field(
                        name,
                        null,
                        "field '" + Problem.shown(name) + "' contains "
                                + (control ? "a control character" : "an unpaired surrogate")
                                + " (U+%04X) at position %d; send plain Unicode text"
                                        .formatted((int) c, i),
                        null);
            }
        }
    }

    private static ProblemException field(
            String name, @Nullable String value, String detail, @Nullable List<String> allowed) {
        return Problem.badField(name, value, detail, allowed).toException();
    }
}
