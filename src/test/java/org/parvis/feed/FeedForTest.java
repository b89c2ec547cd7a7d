package org.parvis.feed;

import org.parvis.index.FeedIndex;
import org.parvis.index.GazetteerForTest;
import org.parvis.model.AreaId;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real in-memory feed index over the test gazetteer, loaded with the given processes, and the
 * service over it at a fixed time. Close it after the test.
 */
final class FeedForTest implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    static final String PLATFORM = "Participation Example";

    final GazetteerForTest gazetteer = new GazetteerForTest();
    final FeedIndex index = FeedIndex.inMemory(gazetteer);
    final FeedService service;

    FeedForTest(List<Process> processes) {
        index.indexAll(processes, 1);
        service = new FeedService(
                gazetteer,
                index,
                Clock.fixed(NOW, ZoneOffset.UTC),
                Map.of("test-decidim", PLATFORM)::get);
    }

    FeedResult query(Query query) {
        return service.query(query.build());
    }

    /** The slugs of the page's items, in order ("process/bordeaux-velo" → "bordeaux-velo"). */
    static List<String> slugs(FeedResult result) {
        List<String> slugs = new ArrayList<>();
        result.items()
                .forEach(i -> slugs.add(i.sourceKey().substring("test-decidim:process/".length())));
        return slugs;
    }

    @Override
    public void close() {
        index.close();
    }

    /** A mutable FeedQuery builder for tests; statuses default to every status. */
    static final class Query {
        private final AreaId place;
        private FeedQuery.Scope scope = FeedQuery.Scope.AROUND;
        private final Set<String> themes = new HashSet<>();
        private final Set<ProcessType> kinds = new HashSet<>();
        private Set<ProcessStatus> statuses = EnumSet.allOf(ProcessStatus.class);
        private String text;
        private FeedQuery.Sort sort = FeedQuery.Sort.CLOSING;
        private int limit = FeedQuery.MAX_LIMIT;
        private String cursor;

        private Query(AreaId place) {
            this.place = place;
        }

        static Query around(AreaId place) {
            return new Query(place);
        }

        static Query within(AreaId place) {
            Query query = new Query(place);
            query.scope = FeedQuery.Scope.WITHIN;
            return query;
        }

        Query themes(String... ids) {
            themes.addAll(List.of(ids));
            return this;
        }

        Query kinds(ProcessType... types) {
            kinds.addAll(List.of(types));
            return this;
        }

        Query statuses(ProcessStatus... wanted) {
            statuses = wanted.length == 0 ? Set.of() : EnumSet.copyOf(List.of(wanted));
            return this;
        }

        Query text(String words) {
            text = words;
            return this;
        }

        Query sort(FeedQuery.Sort order) {
            sort = order;
            return this;
        }

        Query limit(int size) {
            limit = size;
            return this;
        }

        Query cursor(String token) {
            cursor = token;
            return this;
        }

        FeedQuery build() {
            return new FeedQuery(place, scope, themes, kinds, statuses, text, sort, limit, cursor);
        }
    }
}
