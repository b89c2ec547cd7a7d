package org.parvis.feed;

import org.parvis.index.AreaFilter;
import org.parvis.index.FeedIndex;
import org.parvis.index.ProcessCard;
import org.parvis.index.SearchRequest;
import org.parvis.index.SearchResult;
import org.parvis.index.SortOrder;
import org.parvis.model.AreaId;
import org.parvis.model.ProcessStatus;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers a {@link FeedQuery}: resolves the place in the gazetteer, turns the scope into an area
 * filter (around: the place and its ancestors; within: the place and everything inside it),
 * searches the {@link FeedIndex} at the clock's current time and dresses the hits as {@link
 * FeedItem}s with area names and platform display names.
 *
 * <p>Thread-safe: the gazetteer, index and clock are thread-safe and the place cache is
 * concurrent.
 */
public final class FeedService {

    private final Gazetteer gazetteer;
    private final FeedIndex index;
    private final Clock clock;
    private final Function<String, String> platformNames;
    private final Map<AreaId, Resolved> places = new ConcurrentHashMap<>();

    /**
     * A place with its parents and the filter of each scope, cached: the gazetteer is immutable.
     */
    private record Resolved(
            Place place, List<Place> parents, AreaFilter around, AreaFilter within) {}

    /**
     * @param platformNames maps a source id to the display name of its platform; a null answer
     *     shows the source id
     */
    public FeedService(
            Gazetteer gazetteer,
            FeedIndex index,
            Clock clock,
            Function<String, String> platformNames) {
        this.gazetteer = gazetteer;
        this.index = index;
        this.clock = clock;
        this.platformNames = platformNames;
    }

    /**
     * One page of the feed. Throws {@link NoSuchElementException} when the gazetteer does not know
     * the place, and {@link IllegalArgumentException} naming 'cursor' for a bad cursor.
     */
    public FeedResult query(FeedQuery query) {
        Resolved resolved = resolve(query.place());
        AreaFilter areas =
                query.scope() == FeedQuery.Scope.WITHIN ? resolved.within() : resolved.around();
        SearchRequest request = new SearchRequest(
                areas,
                query.themes(),
                query.kinds(),
                query.statuses(),
                query.text(),
                sortOf(query.sort()),
                query.limit(),
                query.cursor(),
                clock.instant());
        SearchResult result = index.search(request);

        List<FeedItem> items = new ArrayList<>(result.hits().size());
        for (SearchResult.Hit hit : result.hits()) {
            items.add(toItem(hit.card(), hit.status()));
        }
        return new FeedResult(
                resolved.place(),
                resolved.parents(),
                items,
                result.total(),
                result.facets(),
                result.nextCursor());
    }

    private Resolved resolve(AreaId id) {
        Resolved cached = places.get(id);
        if (cached != null) {
            return cached;
        }
        Place place = gazetteer.getPlace(id);
        List<AreaId> parentIds = gazetteer.listParents(id);
        List<Place> parents = new ArrayList<>();
        for (AreaId parent : parentIds) {
            gazetteer.findPlace(parent).ifPresent(parents::add);
        }
        Set<AreaId> around = new LinkedHashSet<>();
        around.add(id);
        around.addAll(parentIds);
        Resolved resolved =
                new Resolved(place, parents, AreaFilter.anyOf(around), AreaFilter.within(id));
        places.put(id, resolved);
        return resolved;
    }

    private static SortOrder sortOf(FeedQuery.Sort sort) {
        return switch (sort) {
            case CLOSING -> SortOrder.CLOSING;
            case NEWEST -> SortOrder.NEWEST;
            case RELEVANCE -> SortOrder.RELEVANCE;
        };
    }

    private FeedItem toItem(ProcessCard card, ProcessStatus status) {
        List<FeedItem.Area> areas = new ArrayList<>(card.areas().size());
        for (AreaId area : card.areas()) {
            Optional<Place> place = gazetteer.findPlace(area);
            areas.add(new FeedItem.Area(
                    area, area.level(), place.map(Place::name).orElse(area.value())));
        }
        String platform = platformNames.apply(card.sourceId());
        return new FeedItem(
                card.id(),
                card.sourceKey(),
                card.title(),
                card.summary(),
                card.language(),
                card.kind(),
                status,
                card.startAt(),
                card.endAt(),
                card.organiser(),
                platform == null ? card.sourceId() : platform,
                card.url(),
                areas,
                card.themes(),
                card.licence());
    }
}
