package org.parvis.app;

import org.parvis.territory.ContourIndex;
import org.parvis.territory.FrenchGazetteer;
import org.parvis.territory.PlaceSearch;
import org.parvis.territory.PlaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds a node's place service on first use: the place search indexes over the gazetteer, and the
 * commune contours the operator imported into the data directory, if any. Building takes about a
 * second, which commands that never look up a place should not pay.
 *
 * <p>Thread-safe: the service is built at most once.
 */
final class PlaceServiceHolder implements Supplier<PlaceService> {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceServiceHolder.class);

    private final FrenchGazetteer gazetteer;
    private final Path dataDir;
    private volatile PlaceService service;
    private PlaceSearch search;
    private Optional<ContourIndex> contours = Optional.empty();

    PlaceServiceHolder(FrenchGazetteer gazetteer, Path dataDir) {
        this.gazetteer = gazetteer;
        this.dataDir = dataDir;
    }

    @Override
    public PlaceService get() {
        PlaceService current = service;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (service == null) {
                service = build();
            }
            return service;
        }
    }

    /** The place search the service uses (built with it), shared with scope resolution. */
    PlaceSearch search() {
        get();
        synchronized (this) {
            return search;
        }
    }

    /** The contours the service uses, if any were imported. */
    Optional<ContourIndex> contours() {
        get();
        synchronized (this) {
            return contours;
        }
    }

    private PlaceService build() {
        search = PlaceSearch.of(gazetteer);

        try {
            contours = ContourIndex.findInDataDir(dataDir);
        } catch (IllegalArgumentException e) {
            // A damaged contour file must not take place search down with it.
            LOG.error("Ignoring the commune contours: {}", e.getMessage());
            contours = Optional.empty();
        }
        // PlaceSearch logs its own size and time, and findInDataDir says when contours are missing.
        contours.ifPresent(index -> LOG.info(
                "Point look-ups use the contours of {} areas imported from {}",
                index.areaCount(),
                index.source()));
        this.contours = contours;
        return PlaceService.of(search, contours);
    }
}
