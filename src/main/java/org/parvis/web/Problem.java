package org.parvis.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An error answer in the RFC 9457 shape ({@code application/problem+json}), with the extension
 * members {@code parameter}, {@code value} and {@code allowed} when a request parameter is wrong.
 *
 * <p>{@code type} is {@code about:blank} when the status says it all, else a relative reference
 * naming the kind of problem; the OpenAPI document lists them. Echoed values and details are
 * shortened, so a huge input never comes back whole.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @Nullable String instance,
        @Nullable String parameter,
        @Nullable String value,
        @Nullable List<String> allowed) {

    static final String MEDIA_TYPE = "application/problem+json";

    /** A request parameter is missing, unknown, repeated or has a bad value. */
    static final String INVALID_PARAMETER = "/api/v1/problems/invalid-parameter";

    /** A field of a request body is missing, unknown, of the wrong type or has a bad value. */
    static final String INVALID_BODY = "/api/v1/problems/invalid-body";

    /** The path names a resource (item, place, source) that does not exist. */
    static final String NOT_FOUND = "/api/v1/problems/not-found";

    static final String BLANK = "about:blank";

    private static final int MAX_DETAIL_CHARS = 600;
    private static final int MAX_VALUE_CHARS = 120;

    public Problem {
        detail = abbreviate(printable(detail), MAX_DETAIL_CHARS);
        value = value == null ? null : abbreviate(printable(value), MAX_VALUE_CHARS);
        parameter = parameter == null ? null : abbreviate(printable(parameter), MAX_VALUE_CHARS);
        allowed = allowed == null ? null : List.copyOf(allowed);
    }

    /** A bad request parameter; {@code allowed} lists the accepted values or forms, if any. */
    public static Problem badParameter(
            String parameter,
            @Nullable String value,
            String detail,
            @Nullable List<String> allowed) {
        return new Problem(
                INVALID_PARAMETER,
                "Invalid request parameter",
                400,
                detail,
                null,
                parameter,
                value,
                allowed);
    }

    /**
     * A bad field of a request body ({@code parameter} names it, e.g. {@code title} or {@code
     * categories[2]}); {@code allowed} lists the accepted values or forms, if any.
     */
    static Problem badField(
            String field, @Nullable String value, String detail, @Nullable List<String> allowed) {
        return new Problem(
                INVALID_BODY, "Invalid request body", 400, detail, null, field, value, allowed);
    }

    /** A bad request that no single parameter explains. */
    public static Problem badRequest(String detail) {
        return new Problem(BLANK, "Bad Request", 400, detail, null, null, null, null);
    }

    /** A resource named by the path does not exist. */
    public static Problem notFound(String detail) {
        return new Problem(NOT_FOUND, "Not Found", 404, detail, null, null, null, null);
    }

    /** An error fully described by its HTTP status. */
    public static Problem ofStatus(int status, String title, String detail) {
        return new Problem(BLANK, title, status, detail, null, null, null, null);
    }

    /** The same problem, about the request at {@code instance} (its path, without query). */
    Problem at(@Nullable String path) {
        return new Problem(
                type,
                title,
                status,
                detail,
                path == null ? null : abbreviate(path, 300),
                parameter,
                value,
                allowed);
    }

    /** The exception that makes a handler answer with this problem. */
    public ProblemException toException() {
        return new ProblemException(this);
    }

    /** A received value as shown inside a detail: shortened to 80 characters. */
    public static String shown(Object value) {
        return abbreviate(String.valueOf(value), 80);
    }

    /**
     * Shortens {@code text} to at most {@code max} characters, marking the cut with an ellipsis.
     */
    static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Replaces unpaired surrogates, which cannot be written as UTF-8 JSON, by U+FFFD. */
    private static String printable(String text) {
        StringBuilder result = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c)
                            || (i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            if (!paired && result == null) {
                result = new StringBuilder(text.substring(0, i));
            }
            if (result != null) {
                result.append(paired ? c : '\uFFFD');
            }
        }
        return result == null ? text : result.toString();
    }
}
