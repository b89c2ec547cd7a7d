package org.parvis.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random link tokens and ids, and the hashes stored in their place. A token is 256 random bits
 * from {@link SecureRandom} in URL-safe base64; only its SHA-256 is ever stored, so a copy of the
 * database cannot be used to unsubscribe or manage anyone.
 *
 * <p>Thread-safe ({@link SecureRandom} is).
 */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;
    private static final int ID_BYTES = 16;

    private Tokens() {}

    /** A fresh token for a link. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A fresh random id (128 bits, hexadecimal): ids say nothing about the address. */
    static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The SHA-256 of {@code text} in lowercase hexadecimal. */
    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A short, non-reversible tag of an address for logs: 8 hex digits of its SHA-256. */
    static String logTag(String email) {
        return sha256("parvis-log:" + email).substring(0, 8);
    }
}
