package org.parvis.web;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of one request, decoded strictly: malformed percent-encoding, invalid UTF-8,
 * control characters, too many parameters and over-long values are rejected with a 400 problem
 * that names the parameter, rather than being repaired or passed on.
 *
 * <p>Immutable and thread-safe.
 */
public final class QueryParams {

    static final int MAX_PARAMETERS = 64;
    static final int MAX_NAME_CHARS = 64;
    static final int MAX_VALUE_CHARS = 1000;

    private static final QueryParams EMPTY = new QueryParams(Map.of());

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses a raw (still percent-encoded) query string; null or empty means no parameters. */
    public static QueryParams parse(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        int count = 0;
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            count++;
            if (count > MAX_PARAMETERS) {
                throw Problem.badRequest("the query string has more than " + MAX_PARAMETERS
                                + " parameters; send each parameter once and list values "
                                + "with commas")
                        .toException();
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName, null);
            if (name.isEmpty() || name.length() > MAX_NAME_CHARS) {
                throw Problem.badRequest("a parameter name must be 1 to " + MAX_NAME_CHARS
                                + " characters; got '" + Problem.shown(name) + "'")
                        .toException();
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (value.length() > MAX_VALUE_CHARS) {
                throw Problem.badParameter(
                                name,
                                value,
                                "parameter '" + Problem.shown(name) + "' is " + value.length()
                                        + " characters long; at most " + MAX_VALUE_CHARS
                                        + " are accepted",
                                null)
                        .toException();
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new QueryParams(Map.copyOf(values));
    }

    /**
     * Rejects any parameter outside {@code allowed}, naming the unknown ones and the allowed ones.
     */
    public QueryParams requireOnly(Collection<String> allowed) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            String detail = allowed.isEmpty()
                    ? "this endpoint takes no parameters; remove " + quoteAll(unknown)
                    : "unknown parameter" + (unknown.size() > 1 ? "s " : " ") + quoteAll(unknown)
                            + "; this endpoint accepts " + quoteAll(allowed);
            throw Problem.badParameter(
                            first, values.get(first).get(0), detail, List.copyOf(allowed))
                    .toException();
        }
        return this;
    }

    /** The value of a parameter that may appear at most once; rejects a repeated one. */
    public Optional<String> findSingle(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            throw Problem.badParameter(
                            name,
                            given.get(1),
                            "parameter '" + Problem.shown(name) + "' is given " + given.size()
                                    + " times; give it once",
                            null)
                    .toException();
        }
        return given.stream().findFirst();
    }

    /**
     * The value of a required single parameter; rejects a missing or empty one with {@code hint}.
     */
    public String getSingle(String name, String hint) {
        String value = findSingle(name).orElse("");
        if (value.isEmpty()) {
            throw Problem.badParameter(
                            name,
                            null,
                            "parameter '" + Problem.shown(name) + "' is required: " + hint,
                            null)
                    .toException();
        }
        return value;
    }

    /**
     * Every value of a list parameter, which may be repeated and comma-separated ({@code a,b&x=c}),
     * in order; an empty element (as in {@code a,,b} or an empty value) is rejected.
     */
    public List<String> listValues(String name) {
        List<String> result = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String element : value.split(",", -1)) {
                String trimmed = element.strip();
                if (trimmed.isEmpty()) {
                    throw Problem.badParameter(
                                    name,
                                    value,
                                    "parameter '" + Problem.shown(name)
                                            + "' has an empty element in '" + Problem.shown(value)
                                            + "'; separate values with single commas",
                                    null)
                            .toException();
                }
                result.add(trimmed);
            }
        }
        return result;
    }

    /**
     * Every non-empty element of a list parameter, repeated or comma-separated; empty elements
     * are skipped (an HTML form sends an empty text field as {@code name=}).
     */
    List<String> listNonEmptyValues(String name) {
        List<String> result = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String element : value.split(",", -1)) {
                if (!element.isBlank()) {
                    result.add(element.strip());
                }
            }
        }
        return result;
    }

    /** The names of the parameters given, in no particular order. */
    public Set<String> names() {
        return values.keySet();
    }

    private static String quoteAll(Collection<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String name : names) {
            quoted.add("'" + Problem.abbreviate(name, MAX_NAME_CHARS) + "'");
        }
        return String.join(", ", quoted);
    }

    /**
     * Percent-decodes {@code raw} ({@code +} is a space) as UTF-8; {@code name} is the parameter
     * the text belongs to, or null when decoding a name.
     */
    private static String decode(String raw, @Nullable String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw malformed(
                            raw,
                            name,
                            "a '%' must be followed by two hexadecimal digits (write '%25' for a "
                                    + "literal '%')");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Jetty hands over raw non-ASCII characters as they were received; keep them as
                // UTF-8.
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(raw, name, "the percent-encoded bytes are not valid UTF-8");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw malformed(
                        raw, name, "it contains a control character (U+%04X)".formatted((int) c));
            }
        }
        return text;
    }

    private static ProblemException malformed(String raw, @Nullable String name, String reason) {
        if (name == null) {
            return Problem.badRequest("malformed parameter name '"
                            + Problem.abbreviate(raw, MAX_NAME_CHARS) + "': " + reason)
                    .toException();
        }
        return Problem.badParameter(
                        name,
                        raw,
                        "parameter '" + Problem.shown(name) + "' is malformed: " + reason,
                        null)
                .toException();
    }
}
