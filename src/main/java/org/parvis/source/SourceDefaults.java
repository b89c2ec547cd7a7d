package org.parvis.source;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
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
                    source.organiserName(), organiserKind(source.territory()), source.territory()));
        }
        return builder.build();
    }

    /** The kind of body that governs an area of this level; OTHER when unknown. */
    private static OrganiserKind organiserKind(@Nullable AreaId territory) {
        if (territory == null) {
            return OrganiserKind.OTHER;
        }
        return switch (territory.level()) {
            case COMMUNE, ARRONDISSEMENT -> OrganiserKind.COMMUNE;
            case EPCI -> OrganiserKind.EPCI;
            case DEPARTEMENT -> OrganiserKind.DEPARTEMENT;
            case REGION -> OrganiserKind.REGION;
            case NATION -> OrganiserKind.STATE;
            case EU -> OrganiserKind.EU_INSTITUTION;
            case LOCAL -> OrganiserKind.OTHER;
        };
    }
}
