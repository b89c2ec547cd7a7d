package org.parvis.web.page;

import io.javalin.http.Context;

import org.jspecify.annotations.Nullable;
import org.parvis.web.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pages' style sheet and script, read once from the class path and served under {@code
 * /static/<name>} with a strong ETag (a hash of the content). Pages link them as {@code
 * /static/<name>?v=<hash>}, so a browser may keep them for a year: a new version has a new URL.
 *
 * <p>Immutable and thread-safe.
 */
final class StaticAssets {

    static final String RESOURCE_DIR = "static/";

    private static final List<String> NAMES = List.of("parvis.css", "parvis.js");

    /** One asset: its bytes, media type and content hash. */
    private record Asset(byte[] bytes, String mediaType, String hash) {}

    private final Map<String, Asset> assets;

    private StaticAssets(Map<String, Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    /** Loads the assets from the class path; throws when one is missing from the build. */
    static StaticAssets load() {
        Map<String, Asset> assets = new TreeMap<>();
        for (String name : NAMES) {
            try (InputStream in = StaticAssets.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "resource " + RESOURCE_DIR + name + " is missing from the build");
                }
                byte[] bytes = in.readAllBytes();
                String type = name.endsWith(".css")
                        ? "text/css; charset=utf-8"
                        : "text/javascript; charset=utf-8";
                assets.put(name, new Asset(bytes, type, hash(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE_DIR + name, e);
            }
        }
        return new StaticAssets(assets);
    }

    /** The versioned URL of an asset, e.g. {@code /static/parvis.css?v=1a2b3c4d5e6f}. */
    String url(String name) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no static asset '" + name + "'; have " + NAMES);
        }
        return PageUrls.STATIC_PREFIX + name + "?v=" + asset.hash();
    }

    /** Answers {@code GET /static/{name}}: the asset, or 304 when the browser's copy is current. */
    void serve(Context ctx, String name, @Nullable String version) {
        Asset asset = assets.get(name);
        if (asset == null) {
            throw Problem.notFound("no static file '" + Problem.shown(name) + "'")
                    .toException();
        }
        String etag = "\"" + asset.hash() + "\"";
        ctx.header("ETag", etag);
        ctx.header(
                "Cache-Control",
                asset.hash().equals(version)
                        ? "public, max-age=31536000, immutable"
                        : "public, max-age=300");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(asset.mediaType()).result(asset.bytes());
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
