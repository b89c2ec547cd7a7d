package org.parvis.index;

import org.parvis.model.AreaId;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Organiser;
import org.parvis.model.OrganiserKind;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;

import java.net.URI;
import java.time.Instant;

/** Builders of small, valid processes for index and feed tests. */
public final class ProcessesForTest {

    public static final String SOURCE = "test-decidim";
    public static final Licence ODBL =
            new Licence("ODbL-1.0", "https://opendatacommons.org/licenses/odbl/", null);
    public static final Instant RETRIEVED = Instant.parse("2026-03-01T08:00:00Z");

    private ProcessesForTest() {}

    /**
     * A consultation {@code slug} from the test source, in French, concerning {@code area}, with
     * no dates (status unknown) unless the caller sets them.
     */
    public static ProcessBuilder process(String slug, AreaId area) {
        return ProcessBuilder.create()
                .withId(URI.create("https://participation.example.org/processes/" + slug))
                .withSourceKey(new SourceKey(SOURCE, "process/" + slug))
                .withTitle(LocalizedText.of("fr", "Concertation " + slug))
                .addTerritory(TerritoryRef.of(area, Derivation.DECLARED))
                .withProvenance(new Provenance(
                        SOURCE, RETRIEVED, null, HarvestMethod.GRAPHQL, null, ODBL, null));
    }

    /** A theme assignment as a source mapping would give it. */
    public static ThemeAssignment theme(String id) {
        return new ThemeAssignment(id, ThemeMethod.SOURCE_MAPPING, 1.0, "test");
    }

    /** An organiser governing {@code area}. */
    public static Organiser organiser(String name, AreaId area) {
        return Organiser.of(name, OrganiserKind.COMMUNE, area);
    }
}
