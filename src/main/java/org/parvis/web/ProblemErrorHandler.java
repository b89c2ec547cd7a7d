package org.parvis.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;

/**
 * Answers the errors Jetty raises before a request reaches the API (malformed percent-encoding or
 * UTF-8 in the path, an over-long URL or headers) with the same {@code application/problem+json}
 * body and security headers as the API's own errors, instead of Jetty's HTML page. They are timed
 * under the route {@value HttpMetrics#REJECTED}.
 *
 * <p>Thread-safe.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final HttpMetrics metrics;

    ProblemErrorHandler(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback) {
        String title = HttpStatus.getMessage(code);
        Problem problem = Problem.ofStatus(code, title, detail(code, message));
        SecurityHeaders.apply(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(Responses.bytes(problem)), callback);
        double millis = (System.nanoTime() - request.getBeginNanoTime()) / 1e6;
        metrics.record(request.getMethod(), HttpMetrics.REJECTED, code, millis);
    }

    private static String detail(int code, @Nullable String message) {
        return switch (code) {
            case 400 ->
                "the request line or headers are malformed (" + message + "); percent-encode the"
                        + " path as UTF-8, and write '%25' for a literal '%'";
            case 414 ->
                "the URL is longer than this server accepts; shorten the query (list values with"
                        + " commas, keep q under 200 characters)";
            case 431 ->
                "the request headers are larger than this server accepts; send fewer or shorter "
                        + "headers";
            default ->
                code >= 500 || message == null
                        ? "the server could not handle the request"
                        : message;
        };
    }
}
