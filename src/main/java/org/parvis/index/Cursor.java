package org.parvis.index;

import org.apache.lucene.util.BytesRef;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque page token: the sort value and id of the last item of a page, bound to the query it
 * came from and protected by a checksum, in URL-safe Base64. Searching after these values (not
 * after a Lucene doc id) keeps paging stable while the index changes.
 *
 * <p>Layout: version (1 byte), order (1), query fingerprint (4), sort key (8), id (UTF-8, the
 * rest), CRC-32 of all the previous bytes (4).
 *
 * <p>Immutable and thread-safe.
 */
final class Cursor {

    private static final byte VERSION = 1;
    private static final int HEADER_BYTES = 1 + 1 + 4 + 8;
    private static final int CRC_BYTES = 4;
    private static final int MAX_CHARS = 4096;

    private static final String RESTART =
            "; pass the nextCursor of the previous page unchanged, or omit 'cursor' to start"
                    + " from the first page";

    private Cursor() {}

    /** Encodes the position after an item with this sort key and id. */
    static String encode(SortOrder order, int fingerprint, long key, BytesRef idRef) {
        byte[] id = toBytes(idRef);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + id.length + CRC_BYTES);
        buffer.put(VERSION)
                .put((byte) order.ordinal())
                .putInt(fingerprint)
                .putLong(key)
                .put(id);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /**
     * Decodes a cursor for a search in {@code order} with this query fingerprint, as the position
     * to search after; throws {@link IllegalArgumentException} naming parameter 'cursor'
     * when it is malformed, altered, or from another query.
     */
    static FeedCollector.After decode(String cursor, SortOrder order, int fingerprint) {
        if (cursor.length() > MAX_CHARS) {
            throw new IllegalArgumentException("parameter 'cursor' is " + cursor.length()
                    + " characters long, more than any cursor" + RESTART);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw malformed(cursor);
        }
        if (bytes.length < HEADER_BYTES + 1 + CRC_BYTES) {
            throw malformed(cursor);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - CRC_BYTES);
        if (buffer.getInt(bytes.length - CRC_BYTES) != (int) crc.getValue()) {
            throw malformed(cursor);
        }
        if (buffer.get() != VERSION) {
            throw new IllegalArgumentException(
                    "parameter 'cursor' comes from another version of this server" + RESTART);
        }
        int orderCode = buffer.get();
        if (orderCode != order.ordinal() || buffer.getInt() != fingerprint) {
            throw new IllegalArgumentException(
                    "parameter 'cursor' belongs to another query (its place,"
                            + " filters, text or sort differ)" + RESTART);
        }
        long key = buffer.getLong();
        byte[] id = new byte[bytes.length - HEADER_BYTES - CRC_BYTES];
        buffer.get(id);
        return new FeedCollector.After(key, new BytesRef(id));
    }

    private static IllegalArgumentException malformed(String cursor) {
        String shown = cursor.length() > 60 ? cursor.substring(0, 60) + "…" : cursor;
        return new IllegalArgumentException(
                "parameter 'cursor' is malformed or altered: '" + shown + "'" + RESTART);
    }

    private static byte[] toBytes(BytesRef ref) {
        byte[] copy = new byte[ref.length];
        System.arraycopy(ref.bytes, ref.offset, copy, 0, ref.length);
        return copy;
    }

    /** A fingerprint of everything but the page: place filter, filters, text and order. */
    static int fingerprint(SearchRequest request) {
        StringBuilder canonical = new StringBuilder();
        AreaFilter areas = request.areas();
        if (areas instanceof AreaFilter.AnyOf anyOf) {
            canonical.append("any:").append(anyOf.areas());
        } else if (areas instanceof AreaFilter.Within within) {
            canonical.append("within:").append(within.area());
        }
        canonical.append('\u0000').append(request.themes());
        canonical.append('\u0000').append(new java.util.TreeSet<>(request.kinds()));
        canonical.append('\u0000').append(new java.util.TreeSet<>(request.statuses()));
        canonical.append('\u0000').append(request.text());
        canonical.append('\u0000').append(request.effectiveSort());
        CRC32 crc = new CRC32();
        crc.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }
}
