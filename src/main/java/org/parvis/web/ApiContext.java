package org.parvis.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.parvis.store.Store;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.PlaceService;

import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the HTTP API reads from: the feed, the store (items, runs, issues), the gazetteer,
 * the place search and point look-up (built on first use, as it takes a second to load),
 * the configured sources (asked on every request, so a reloaded configuration shows at once), the
 * metrics registry the server records into and scrapes, whether the node serves sample data, and
 * the software version.
 *
 * <p>Immutable; thread-safe when its components are.
 */
public record ApiContext(
        FeedQueries feed,
        Store store,
        Gazetteer gazetteer,
        Supplier<PlaceService> places,
        Supplier<List<SourceView>> sources,
        PrometheusMeterRegistry metrics,
        boolean sampleData,
        String version) {

    public ApiContext {
        if (feed == null
                || store == null
                || gazetteer == null
                || places == null
                || sources == null
                || metrics == null) {
            throw new IllegalArgumentException(
                    "the API needs a feed, a store, a gazetteer, sources and a metrics"
                            + " registry; got feed=" + feed + ", store=" + store + ", gazetteer="
                            + gazetteer
                            + ", sources=" + sources + ", metrics=" + metrics);
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException(
                    "the API needs a version to report on /health, e.g. 0.1.0");
        }
    }
}
