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
        if (relation == null || !Item.isWebUrl(target)) {
            throw new IllegalArgumentException("a lineage link needs a relation and the target"
                    + " item's http(s) URL, got " + relation + " → " + target);
        }
    }
}
