package org.parvis.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.javalin.http.Context;

import org.jspecify.annotations.Nullable;
import org.parvis.store.HarvestRun;
import org.parvis.store.SourceIssue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/sources} (every configured source with its last run, last success and live
 * item count) and {@code GET /api/v1/sources/{id}/issues} (a source's recent harvest issues).
 *
 * <p>Thread-safe when the context is.
 */
final class SourceEndpoint {

    static final String LIST = "/api/v1/sources";
    static final String ISSUES = "/api/v1/sources/{id}/issues";

    static final int DEFAULT_ISSUES = 50;
    static final int MAX_ISSUES = 500;

    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    private final ApiContext api;

    SourceEndpoint(ApiContext api) {
        this.api = api;
    }

    /** A source with the state of its harvest. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SourceStatus(
            String id,
            String name,
            String kind,
            String baseUrl,
            @Nullable String territory,
            String licence,
            boolean sample,
            long liveItems,
            @Nullable RunSummary lastRun,
            @Nullable Instant lastSuccessAt) {}

    /** What one harvest run did. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunSummary(
            Instant startedAt,
            Instant endedAt,
            HarvestRun.Outcome outcome,
            long requests,
            long bytes,
            int itemsNew,
            int itemsChanged,
            int itemsUnchanged,
            int itemsRemoved,
            int issues,
            @Nullable String error) {

        static RunSummary of(HarvestRun run) {
            return new RunSummary(
                    run.startedAt(),
                    run.endedAt(),
                    run.outcome(),
                    run.requests(),
                    run.bytes(),
                    run.itemsNew(),
                    run.itemsChanged(),
                    run.itemsUnchanged(),
                    run.itemsRemoved(),
                    run.issues().size(),
                    run.error());
        }
    }

    record SourceList(List<SourceStatus> sources) {}

    record IssueList(String source, List<SourceIssue> issues) {}

    void handleList(Context ctx) {
        QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
        Map<String, Long> liveItems = api.store().countLiveItemsBySource();
        List<SourceStatus> sources = new ArrayList<>();
        for (SourceView source : api.sources().get()) {
            sources.add(new SourceStatus(
                    source.id(),
                    source.name(),
                    source.kind(),
                    source.baseUrl(),
                    source.territory(),
                    source.licence(),
                    source.sample(),
                    liveItems.getOrDefault(source.id(), 0L),
                    api.store().findLastRun(source.id()).map(RunSummary::of).orElse(null),
                    api.store()
                            .findLastSuccessfulRun(source.id())
                            .map(HarvestRun::endedAt)
                            .orElse(null)));
        }
        Responses.json(ctx, new SourceList(sources));
    }

    void handleIssues(Context ctx) {
        QueryParams params =
                QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of("limit"));
        int limit =
                params.findSingle("limit").map(SourceEndpoint::parseLimit).orElse(DEFAULT_ISSUES);
        String id = ctx.pathParam("id");
        try {
            org.parvis.model.SourceKey.requireSourceId(id);
        } catch (IllegalArgumentException e) {
            throw Problem.badParameter(
                            "id",
                            id,
                            "'" + Problem.shown(id)
                                    + "' is not a source id; expected 1 to 63 lowercase letters, "
                                    + "digits or"
                                    + " hyphens, e.g. bordeaux-decidim; list sources with GET "
                                    + "/api/v1/sources",
                            List.of("1 to 63 lowercase letters, digits or hyphens"))
                    .toException();
        }
        boolean known =
                api.sources().get().stream().anyMatch(source -> source.id().equals(id));
        if (!known) {
            throw Problem.notFound("unknown source '" + Problem.shown(id)
                            + "'; list sources with GET /api/v1/sources")
                    .toException();
        }
        Responses.json(ctx, new IssueList(id, api.store().listIssues(id, limit)));
    }

    private static int parseLimit(String value) {
        List<String> allowed = List.of("an integer from 1 to " + MAX_ISSUES);
        int limit = LIMIT.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (limit < 1 || limit > MAX_ISSUES) {
            throw Problem.badParameter(
                            "limit",
                            value,
                            "parameter 'limit' is '" + Problem.shown(value)
                                    + "'; expected an integer from 1 to " + MAX_ISSUES,
                            allowed)
                    .toException();
        }
        return limit;
    }
}
