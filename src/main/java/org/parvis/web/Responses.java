package org.parvis.web;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.javalin.http.Context;

import org.parvis.model.Json;

import java.io.UncheckedIOException;

/**
 * Writes JSON and problem bodies with the shared {@link Json} mapper, so every answer uses the
 * same conventions (ISO-8601 instants, lowercase enums) and an explicit UTF-8 charset.
 *
 * <p>Stateless and thread-safe.
 */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = Problem.MEDIA_TYPE + "; charset=utf-8";

    private Responses() {}

    /** Answers 200 with {@code body} as JSON. */
    static void json(Context ctx, Object body) {
        ctx.status(200).contentType(JSON).result(bytes(body));
    }

    /** Answers with {@code problem} as {@code application/problem+json}. */
    static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(bytes(problem));
    }

    /** Serialises {@code body} to UTF-8 JSON. */
    static byte[] bytes(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
