package org.parvis.territory;

import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Shared, lazily built test fixtures: the bundled gazetteer, a place search over it (built once
 * per JVM, as it takes a second or more), and the location of the 2018 contours.
 */
final class TerritoryFixtures {

    /** Where the 2018 commune contours sit relative to the repository root, as in CI. */
    static final Path SHARED_CONTOURS_RELATIVE =
            Path.of("..", "shared", "geo", "france-contours-2018");

    /** Where they sit on the development machines. */
    static final Path SHARED_CONTOURS_ABSOLUTE = Path.of("/work/shared/geo/france-contours-2018");

    private static @Nullable PlaceSearch search;

    private TerritoryFixtures() {}

    static FrenchGazetteer gazetteer() {
        return FrenchGazetteer.loadDefault();
    }

    static synchronized PlaceSearch search() {
        if (search == null) {
            search = PlaceSearch.of(gazetteer());
        }
        return search;
    }

    /**
     * The 2018 contours folder, if present: {@code ../shared/geo/…}, else {@code
     * /work/shared/geo/…}.
     */
    static Optional<Path> sharedContours() {
        for (Path candidate : new Path[] {SHARED_CONTOURS_RELATIVE, SHARED_CONTOURS_ABSOLUTE}) {
            if (Files.isDirectory(candidate.resolve("communes"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A test resource of this package as a path. */
    static Path resource(String name) {
        try {
            return Path.of(TerritoryFixtures.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException(
                    "test resource org/parvis/territory/" + name + " is missing", e);
        }
    }
}
