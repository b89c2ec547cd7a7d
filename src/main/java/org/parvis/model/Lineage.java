package org.parvis.model;

import java.net.URI;

/**
 * A link from a contribution to another item: {@code relation} names how they relate,
 * {@code target} is the other item's public URL (its identity, harvested here or not).
 *
 * <p>Immutable and thread-safe.
 */
public record Lineage(LineageRelation relation, URI target) {

    public Lineage {
        if (relation == null || target == null) {
            throw new IllegalArgumentException(
                    "a lineage link needs a relation and a target URL, got " + relation + " → "
                            + target);
        }
    }
}
