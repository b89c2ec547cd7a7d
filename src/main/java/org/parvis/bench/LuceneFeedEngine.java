package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedItem;
import org.parvis.feed.FeedResult;
import org.parvis.feed.FeedService;
import org.parvis.index.FeedIndex;
import org.parvis.territory.Gazetteer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parvis itself: the processes bulk-loaded into a {@link FeedIndex} and queried through {@link
 * FeedService#query}, the full feed query with facets and the first page of cards, at the dataset's
 * fixed instant. The index is held in memory, or memory-mapped from a directory as a node runs it.
 *
 * <p>Sessions may run concurrently: the feed service and index are thread-safe.
 */
final class LuceneFeedEngine implements FeedEngine {

    private final Gazetteer gazetteer;
    private final @Nullable Path directory;
    private final boolean temporary;
    private @Nullable Path openedDirectory;
    private @Nullable FeedIndex index;
    private @Nullable FeedService service;

    private LuceneFeedEngine(Gazetteer gazetteer, @Nullable Path directory, boolean temporary) {
        this.gazetteer = gazetteer;
        this.directory = directory;
        this.temporary = temporary;
    }

    /** An engine whose index is held in memory. */
    static LuceneFeedEngine inMemory(Gazetteer gazetteer) {
        return new LuceneFeedEngine(gazetteer, null, false);
    }

    /**
     * An engine whose index lives in {@code directory}, which must not hold an index yet; with a
     * null directory, in a temporary one deleted on close.
     */
    static LuceneFeedEngine onDisk(Gazetteer gazetteer, @Nullable Path directory) {
        return new LuceneFeedEngine(gazetteer, directory, directory == null);
    }

    @Override
    public String name() {
        return FeedBench.LUCENE;
    }

    @Override
    public String describe() {
        return "index "
                + (openedDirectory == null
                        ? "held in memory"
                        : "memory-mapped from " + openedDirectory)
                + ", Lucene " + org.apache.lucene.util.Version.LATEST;
    }

    @Override
    public void load(BenchDataset dataset) throws IOException {
        if (temporary) {
            openedDirectory = Files.createTempDirectory("parvis-bench-index");
        } else if (directory != null) {
            try (Stream<Path> entries =
                    Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("index directory " + directory
                            + " is not empty; give a new or empty directory, the "
                            + "benchmark fills it");
                }
            }
            openedDirectory = directory;
        }
        index = openedDirectory == null
                ? FeedIndex.inMemory(gazetteer)
                : FeedIndex.open(openedDirectory, gazetteer);
        index.indexAll(dataset.processes(), 1);
        service = new FeedService(
                gazetteer, index, Clock.fixed(dataset.now(), ZoneOffset.UTC), sourceId -> null);
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
    public void close() throws IOException {
        service = null;
        if (index != null) {
            index.close();
            index = null;
        }
        if (temporary && openedDirectory != null) {
            deleteRecursively(openedDirectory);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
