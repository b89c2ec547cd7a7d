package org.parvis.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches the API (malformed percent-encoding or
 * UTF-8 in the path, an over-long URL or headers) with the same {@code application/problem+json}
 * body and security headers as the API's own errors, instead of Jetty's HTML page.
 *
 * <p>Stateless and thread-safe.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String title = HttpStatus.getMessage(code);
        Problem problem = Problem.ofStatus(code, title, detail(code, message));
        SecurityHeaders.apply(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(Responses.bytes(problem)), callback);
    }

    private static String detail(int code, String message) {
        return switch (code) {
            case 400 ->
                "the request line or headers are malformed (" + message + "); percent-encode the"
                        + " path as UTF-8, and write '%25' for a literal '%'";
            case 414 ->
                "the URL is longer than this server accepts; shorten the query (list values with"
                        + " commas, keep q under 200 characters)";
            case 431 -> "the request headers are larger than this server accepts; send fewer or shorter" + " headers";
            default -> code >= 500 ? "the server failed to handle the request; try again later" : message;
        };
    }
}
