package org.parvis.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedItem;
import org.parvis.feed.FeedResult;
import org.parvis.feed.FeedService;
import org.parvis.index.FeedIndex;
import org.parvis.territory.Gazetteer;

/**
 * Parvis itself: the processes bulk-loaded into a {@link FeedIndex} (in memory, or in a directory
 * when one is given) and queried through {@link FeedService#query}, the full feed query with facets
 * and the first page of cards, at the dataset's fixed instant.
 *
 * <p>Sessions may run concurrently: the feed service and index are thread-safe.
 */
final class LuceneFeedEngine implements FeedEngine {

    private final Gazetteer gazetteer;
    private final @Nullable Path directory;
    private @Nullable FeedIndex index;
    private @Nullable FeedService service;

    /** An engine whose index lives in memory, or in {@code directory} when not null. */
    LuceneFeedEngine(Gazetteer gazetteer, @Nullable Path directory) {
        this.gazetteer = gazetteer;
        this.directory = directory;
    }

    @Override
    public String name() {
        return FeedBench.LUCENE;
    }

    @Override
    public void load(BenchDataset dataset) {
        index = directory == null ? FeedIndex.inMemory(gazetteer) : FeedIndex.open(directory, gazetteer);
        index.indexAll(dataset.processes(), 1);
        service = new FeedService(gazetteer, index, Clock.fixed(dataset.now(), ZoneOffset.UTC), sourceId -> null);
    }

    @Override
    public Session openSession() {
        FeedService feed = service;
        if (feed == null) {
            throw new IllegalStateException("the Lucene engine is not loaded; call load() first");
        }
        return query -> answerOf(feed.query(query.toFeedQuery()));
    }

    private static FeedAnswer answerOf(FeedResult result) {
        List<Integer> page = new ArrayList<>(result.items().size());
        for (FeedItem item : result.items()) {
            page.add(BenchDataset.indexOf(item.id()));
        }
        return new FeedAnswer(result.total(), page, result.facets());
    }

    @Override
    public void close() {
        service = null;
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
