package org.parvis.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Reads request bodies with a size limit. A body over the limit is read on (and thrown away) up to
 * {@link #DRAIN_LIMIT_BYTES} before the 413 answer, because closing a connection while the client
 * is still sending makes many clients lose the answer and report a reset instead.
 *
 * <p>Stateless and thread-safe.
 */
final class RequestBodies {

    /** How much of a too-large body is drained so that its sender gets the 413 answer. */
    static final int DRAIN_LIMIT_BYTES = 1024 * 1024;

    private RequestBodies() {}

    /**
     * The body, at most {@code maxBytes}; otherwise throws {@code tooLarge} applied to a
     * description of the size ("70000 bytes", "more than 65536 bytes").
     */
    static byte[] read(Context ctx, int maxBytes, Function<String, ProblemException> tooLarge) {
        String declared = ctx.header("Content-Length");
        long declaredBytes = declared != null && declared.strip().matches("\\d{1,18}")
                ? Long.parseLong(declared.strip())
                : -1;
        try (InputStream in = ctx.req().getInputStream()) {
            if (declaredBytes > maxBytes) {
                if (declaredBytes <= DRAIN_LIMIT_BYTES) {
                    drain(in);
                }
                throw tooLarge.apply(declaredBytes + " bytes");
            }
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                drain(in);
                throw tooLarge.apply("more than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw Problem.badRequest("the request body could not be read (" + e.getMessage()
                            + "); send it again")
                    .toException();
        }
    }

    private static void drain(InputStream in) throws IOException {
        long left = DRAIN_LIMIT_BYTES;
        byte[] buffer = new byte[8192];
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }
}
