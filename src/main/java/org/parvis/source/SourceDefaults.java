package org.parvis.source;

import org.parvis.model.Derivation;
import org.parvis.model.Item;
import org.parvis.model.Organiser;
import org.parvis.model.OrganiserKind;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.TerritoryRef;

/**
 * Fills what a process lacks from its source's configured defaults: the territory (marked {@link
 * Derivation#DEFAULT}) and the organiser. Contributions are left alone: they inherit from their
 * process.
 *
 * <p>Stateless and thread-safe.
 */
final class SourceDefaults {

    private SourceDefaults() {}

    static Item apply(SourceConfig source, Item item) {
        if (!(item instanceof Process process)) {
            return item;
        }
        boolean needsTerritory = process.territories().isEmpty() && source.territory() != null;
        boolean needsOrganiser = process.organisers().isEmpty() && source.organiserName() != null;
        if (!needsTerritory && !needsOrganiser) {
            return process;
        }

        ProcessBuilder builder = process.toBuilder();
        if (needsTerritory) {
            builder.addTerritory(TerritoryRef.of(source.territory(), Derivation.DEFAULT));
        }
        if (needsOrganiser) {
            builder.addOrganiser(Organiser.of(
                    source.organiserName(),
                    source.territory() == null
                            ? OrganiserKind.OTHER
                            : OrganiserKind.governing(source.territory().level()),
                    source.territory()));
        }
        return builder.build();
    }
}
