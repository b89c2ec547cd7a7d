package org.parvis.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.parvis.model.Item;
import org.parvis.model.Json;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The stored JSON of an item and its content hash. The hash is a SHA-256 over the canonical JSON
 * of the item (object keys sorted at every level) without {@code provenance.retrievedAt}, so that
 * reading identical content again at another time, or with map entries in another order, yields
 * the same hash.
 *
 * <p>Stateless and thread-safe.
 */
final class ItemJson {

    private static final ObjectWriter ITEM_WRITER = Json.mapper().writerFor(Item.class);

    private ItemJson() {}

    /** The JSON stored for an item, with its type discriminator. */
    static String write(Item item) {
        try {
            return ITEM_WRITER.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an item stored by {@link #write}. */
    static Item read(String json) {
        return Json.read(json, Item.class);
    }

    /** The content hash of JSON written by {@link #write}, as 64 lowercase hex digits. */
    static String contentHash(String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (tree.get("provenance") instanceof ObjectNode provenance) {
            provenance.remove("retrievedAt");
        }
        byte[] canonical = Json.write(sorted(tree)).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(sha256().digest(canonical));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                copy.add(sorted(it.next()));
            }
            return copy;
        }
        return node;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
