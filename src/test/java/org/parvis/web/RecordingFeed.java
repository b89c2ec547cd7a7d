package org.parvis.web;

import org.parvis.feed.FeedQuery;
import org.parvis.feed.FeedResult;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A feed that answers with a fixed result (or what {@code answer} computes) and keeps every query
 * it received, so tests can check exactly what the API asked.
 *
 * <p>Thread-safe.
 */
final class RecordingFeed implements FeedQueries {

    private final List<FeedQuery> received = new CopyOnWriteArrayList<>();
    private volatile Function<FeedQuery, FeedResult> answer;

    RecordingFeed(FeedResult result) {
        this.answer = query -> result;
    }

    /** From now on, answers with {@code answer} (which may throw). */
    void answerWith(Function<FeedQuery, FeedResult> answer) {
        this.answer = answer;
    }

    @Override
    public FeedResult query(FeedQuery query) {
        received.add(query);
        return answer.apply(query);
    }

    /** The last query received; fails when none was. */
    FeedQuery lastQuery() {
        if (received.isEmpty()) {
            throw new AssertionError("the feed received no query");
        }
        return received.get(received.size() - 1);
    }

    int count() {
        return received.size();
    }

    void clear() {
        received.clear();
    }
}
