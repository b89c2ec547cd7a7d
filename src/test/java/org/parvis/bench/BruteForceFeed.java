package org.parvis.bench;

import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.territory.Gazetteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feed question answered by scanning every process, straight from the definitions in {@link
 * FeedAnswer}.
 */
final class BruteForceFeed {

    private final Gazetteer gazetteer;
    private final BenchDataset dataset;

    BruteForceFeed(Gazetteer gazetteer, BenchDataset dataset) {
        this.gazetteer = gazetteer;
        this.dataset = dataset;
    }

    FeedAnswer answer(BenchQuery query) {
        Instant now = dataset.now();
        List<Integer> matches = new ArrayList<>();
        Map<String, Map<String, Long>> facets = new HashMap<>();
        for (int i = 0; i < dataset.size(); i++) {
            Process process = dataset.processes().get(i);
            if (!concernsPlace(process, query)) {
                continue;
            }
            ProcessStatus status = process.statusAt(now);
            boolean wantedStatus = status == ProcessStatus.OPEN || status == ProcessStatus.UPCOMING;
            boolean wantedTheme = hasTheme(process, query.themes());
            Set<String> themes = new HashSet<>();
            process.themes().forEach(theme -> themes.add(theme.theme()));

            // Each facet ignores its own filter.
            if (wantedTheme) {
                count(facets, "status", status.code());
            }
            if (wantedStatus) {
                themes.forEach(theme -> count(facets, "theme", theme));
            }
            if (wantedStatus && wantedTheme) {
                matches.add(i);
                count(facets, "kind", process.processType().code());
                AreaLevel finest = process.territories().stream()
                        .map(territory -> territory.area().level())
                        .min(Comparator.naturalOrder())
                        .orElseThrow();
                count(facets, "level", finest.code());
            }
        }
        Comparator<Integer> closing = Comparator.comparing(
                        (Integer i) -> dataset.processes().get(i).endAt(),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> BenchDataset.uriOf(i).toString());
        List<Integer> page =
                matches.stream().sorted(closing).limit(FeedQuery.DEFAULT_LIMIT).toList();
        return new FeedAnswer(matches.size(), page, facets);
    }

    private boolean concernsPlace(Process process, BenchQuery query) {
        for (TerritoryRef territory : process.territories()) {
            AreaId area = territory.area();
            if (area.equals(query.place())) {
                return true;
            }
            boolean matches = query.scope() == FeedQuery.Scope.AROUND
                    ? gazetteer.listParents(query.place()).contains(area)
                    : gazetteer.listParents(area).contains(query.place());
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTheme(Process process, Set<String> themes) {
        if (themes.isEmpty()) {
            return true;
        }
        for (ThemeAssignment theme : process.themes()) {
            if (themes.contains(theme.theme())) {
                return true;
            }
        }
        return false;
    }

    private static void count(Map<String, Map<String, Long>> facets, String facet, String value) {
        facets.computeIfAbsent(facet, key -> new HashMap<>()).merge(value, 1L, Long::sum);
    }
}
