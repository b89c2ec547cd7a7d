package org.parvis.source.decidim;

import com.fasterxml.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Outcome;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.Provenance;
import org.parvis.source.Connector;
import org.parvis.source.HarvestContext;
import org.parvis.source.Listing;
import org.parvis.source.SourceConfig;
import org.parvis.source.decidim.DecidimMapper.Space;
import org.parvis.source.decidim.DecidimQueries.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Decidim instance through its GraphQL API ({@code POST {baseUrl}/api}): detects the API
 * generation (version string if disclosed, else the fields of {@code ParticipatoryProcess}), lists
 * every participatory process and assembly with their components in one request, then reads each
 * space in one request that brings the first page ({@value DecidimQueries#PAGE_SIZE} records,
 * Decidim's largest) of each of its proposals, meetings, debates, budgets and accountability
 * components, and follows cursors only for the components that have more. An instance whose
 * components hold at most 50 records each thus costs two requests plus one per space. A space is
 * emitted after its components, since its accountability results become its outcomes;
 * proposals keep their published answer, budget projects their cost.
 *
 * <p>Re-harvests cost the same: the API gives components no modification date, a record's
 * {@code updatedAt} cannot reveal a removed record, and {@code POST /api} answers carry no
 * validators for a conditional request, so the connector cannot tell an unchanged space without
 * reading it. The store then finds every record unchanged and does no further work.
 *
 * <p>Versions newer than 0.30 are queried with the 0.30 documents; if the instance rejects one, a
 * {@code schema-rejected} issue names the version and the errors. A space whose request fails is
 * reported and read again component by component. A component that fails (HTTP error, HTML page,
 * cut JSON, GraphQL errors) is reported and skipped, the others are still read, and the listing is
 * then incomplete so that nothing is removed. A record that cannot be mapped (no id, no title) is
 * reported as {@code bad-record} and also makes the listing incomplete.
 *
 * <p>Stateless and thread-safe.
 */
public final class DecidimConnector implements Connector {

    public static final String KIND = "decidim";

    /** Cursor loops end here: more pages than any instance has. */
    static final int MAX_PAGES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(DecidimConnector.class);

    /** What one listing found out, shared by its steps. */
    private static final class Run {
        final SourceConfig source;
        final HarvestContext ctx;
        final URI api;
        final DecidimMapper mapper;
        DecidimVersion version = DecidimVersion.V0_30;
        /** Whether the instance has the initiatives module (and the API its root field). */
        boolean initiatives;

        @Nullable
        String versionString;

        final List<String> problems = new ArrayList<>();
        /** Accountability results read so far, by the URL of their space. */
        final Map<URI, List<Outcome>> outcomes = new HashMap<>();

        Run(SourceConfig source, HarvestContext ctx) {
            this.source = source;
            this.ctx = ctx;
            this.api = source.resolve("api");
            this.mapper = new DecidimMapper(source);
        }

        Provenance provenance() {
            return ctx.provenance(api, HarvestMethod.GRAPHQL, null);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Listing list(SourceConfig source, HarvestContext ctx) throws InterruptedException {
        Run run = new Run(source, ctx);

        // 1. Which API generation.
        try {
            detect(run);
        } catch (GraphqlCall.Failure e) {
            ctx.report(e.type(), null, run.api, "version probe: " + e.getMessage());
            return Listing.incomplete("version probe failed: " + e.getMessage());
        }

        // 2. Spaces and their components.
        JsonNode spaces;
        try {
            spaces = call(
                    run,
                    DecidimQueries.SPACES,
                    DecidimQueries.spaces(run.version, run.initiatives),
                    Map.of());
        } catch (GraphqlCall.Failure e) {
            return Listing.incomplete("space list: " + e.getMessage());
        }
        List<Space> read = new ArrayList<>();
        Map<Space, JsonNode> components = new HashMap<>();
        // Initiatives are read as processes; their components are not read.
        for (JsonNode node : spaces.path("initiatives")) {
            try {
                ctx.emit(run.mapper.initiative(node, run.provenance()).process());
            } catch (IllegalArgumentException e) {
                badRecord(run, node, e);
            }
        }
        for (String field : List.of("participatoryProcesses", "assemblies")) {
            if (spaces.path(field).isNull()) {
                continue;
            }
            if (!spaces.path(field).isArray()) {
                String problem = "the space list has no " + field + " list";
                ctx.report("bad-page", null, run.api, problem);
                run.problems.add(problem);
                continue;
            }
            for (JsonNode node : spaces.path(field)) {
                try {
                    Space space = "assemblies".equals(field)
                            ? run.mapper.assembly(node, run.provenance())
                            : run.mapper.process(node, run.provenance());
                    read.add(space);
                    components.put(space, node.path("components"));
                } catch (IllegalArgumentException e) {
                    badRecord(run, node, e);
                }
            }
        }

        // 3. The components' records: one request per space, then the pages after the first.
        // A space is emitted after its components, which bring its outcomes.
        for (Space space : read) {
            readSpace(run, space, components.get(space));
            List<Outcome> outcomes = run.outcomes.getOrDefault(space.url(), List.of());
            if (outcomes.isEmpty()) {
                ctx.emit(space.process());
            } else {
                ProcessBuilder withOutcomes = space.process().toBuilder();
                outcomes.forEach(withOutcomes::addOutcome);
                ctx.emit(withOutcomes.build());
            }
        }

        LOG.debug(
                "{}: Decidim {} ({} generation), {} spaces",
                source.id(),
                run.versionString == null ? "version undisclosed" : run.versionString,
                run.version.label(),
                read.size());
        if (run.problems.isEmpty()) {
            return Listing.complete();
        }
        return Listing.incomplete(
                run.problems.size() + " problem(s), first: " + run.problems.get(0));
    }

    private void detect(Run run) throws GraphqlCall.Failure, InterruptedException {
        JsonNode data = GraphqlCall.execute(
                run.ctx, run.api, DecidimQueries.DETECT, DecidimQueries.detect(), Map.of());
        JsonNode version = data.path("decidim").path("version");
        run.versionString = version.isTextual() ? version.asText() : null;
        Set<String> fields = new HashSet<>();
        data.path("process")
                .path("fields")
                .forEach(f -> fields.add(f.path("name").asText()));
        if (fields.isEmpty()) {
            throw new GraphqlCall.Failure(
                    "bad-page", "the API describes no ParticipatoryProcess type", false);
        }
        for (JsonNode type : data.path("__schema").path("types")) {
            run.initiatives |= "Initiative".equals(type.path("name").asText());
        }
        run.version = DecidimVersion.ofFeatures(
                fields.contains("taxonomies"), fields.contains("manifest"));
        if (run.versionString != null && DecidimVersion.isOlderThanKnown(run.versionString)) {
            run.ctx.report(
                    "decidim-version",
                    null,
                    run.api,
                    "Decidim " + run.versionString + " is older than 0.27, the oldest version"
                            + " Parvis queries; read with the 0.27 queries, some fields may fail");
        }
    }

    /** Sends a query; a failure is reported and makes the listing incomplete. */
    private JsonNode call(Run run, String operation, String query, Map<String, ?> variables)
            throws GraphqlCall.Failure, InterruptedException {
        try {
            return GraphqlCall.execute(run.ctx, run.api, operation, query, variables);
        } catch (GraphqlCall.Failure e) {
            String where = operation
                    + (variables.containsKey("id")
                            ? " (component " + variables.get("id") + ")"
                            : "");
            report(run, where, e, "");
            run.problems.add(where + ": " + e.getMessage());
            throw e;
        }
    }

    private static void report(Run run, String where, GraphqlCall.Failure e, String consequence) {
        if (e.isRejected()
                && run.versionString != null
                && DecidimVersion.isNewerThanKnown(run.versionString)) {
            run.ctx.report(
                    "schema-rejected",
                    where,
                    run.api,
                    "Decidim " + run.versionString + " is newer than the versions Parvis"
                            + " knows (0.27 to 0.30) and rejects the 0.30 query: "
                            + e.getMessage() + consequence);
        } else {
            run.ctx.report(e.type(), where, run.api, e.getMessage() + consequence);
        }
    }

    /**
     * Reads the first page of every component of a space in one request, then the next pages of
     * the components that have more. If that request fails (a schema that refuses one record
     * type, an answer over the size cap…), the failure is reported and the components are read
     * one by one, so that one faulty component costs only its own records; the listing is then
     * incomplete only if a component also fails on its own. The first pages are asked per space
     * rather than in the space list so that an answer stays within the size cap.
     */
    private void readSpace(Run run, Space space, JsonNode listed) throws InterruptedException {
        String where = DecidimQueries.SPACE + " (" + space.typename() + " " + space.id() + ")";
        JsonNode answered;
        try {
            answered = GraphqlCall.execute(
                            run.ctx,
                            run.api,
                            DecidimQueries.SPACE,
                            DecidimQueries.space(run.version, space.typename()),
                            Map.of("id", space.id()))
                    .path("space")
                    .path("components");
            if (!answered.isArray()) {
                // A space listed a moment ago must answer; silence would delete its records.
                throw new GraphqlCall.Failure(
                        "bad-page", "the space has no components list", false);
            }
        } catch (GraphqlCall.Failure e) {
            report(run, where, e, "; its components are read one by one");
            for (JsonNode component : listed) {
                readComponent(run, space, component, null);
            }
            return;
        }
        for (JsonNode component : answered) {
            Optional<Records> records =
                    DecidimQueries.Records.find(component.path("__typename").asText(""));
            if (records.isPresent()) {
                readComponent(run, space, component, component.path(records.get().field));
            }
        }
    }

    /**
     * Reads a component's records page after page, starting from {@code firstPage} when the space
     * request brought it, else from its first page.
     */
    private void readComponent(
            Run run, Space space, JsonNode component, @Nullable JsonNode firstPage)
            throws InterruptedException {
        String typename = component.path("__typename").asText("");
        String id = component.path("id").asText("");
        Optional<Records> found = DecidimQueries.Records.find(typename);
        if (id.isEmpty() || found.isEmpty()) {
            // Surveys only set the kind of their process (DecidimMapper); their answers are
            // private. TODO(#4): blogs and pages.
            return;
        }
        Records records = found.get();
        String operation = records.operation;
        String field = records.field;

        String after = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode connection;
            if (page == 1 && firstPage != null) {
                connection = firstPage;
            } else {
                Map<String, Object> variables = new HashMap<>();
                variables.put("id", id);
                variables.put("after", after);
                try {
                    connection = call(run, operation, records.page(run.version), variables)
                            .path("component")
                            .path(field);
                } catch (GraphqlCall.Failure e) {
                    return;
                }
            }
            if (!connection.path("nodes").isArray()) {
                // A component listed a moment ago must answer; silence would delete its records.
                String problem = operation + " (component " + id + "): page " + page + " has no "
                        + field + ".nodes list";
                run.ctx.report("bad-page", id, run.api, problem);
                run.problems.add(problem);
                return;
            }
            for (JsonNode node : connection.path("nodes")) {
                emitRecord(run, space, id, typename, node);
            }
            JsonNode pageInfo = connection.path("pageInfo");
            String next = pageInfo.path("endCursor").asText(null);
            if (!pageInfo.path("hasNextPage").asBoolean(false)) {
                return;
            }
            if (next == null || next.equals(after)) {
                String problem = operation + " (component " + id + "): page " + page
                        + " says there is a next page but gives no new cursor";
                run.ctx.report("bad-page", id, run.api, problem);
                run.problems.add(problem);
                return;
            }
            after = next;
        }
        String problem = operation + " (component " + id + "): more than " + MAX_PAGES + " pages";
        run.ctx.report("bad-page", id, run.api, problem);
        run.problems.add(problem);
    }

    private void emitRecord(
            Run run, Space space, String componentId, String typename, JsonNode node) {
        try {
            switch (typename) {
                case "Proposals" ->
                    run.ctx.emit(run.mapper.proposal(space, componentId, node, run.provenance()));
                case "Meetings" ->
                    run.ctx.emit(run.mapper.meeting(space, componentId, node, run.provenance()));
                case "Debates" ->
                    run.ctx.emit(run.mapper.debate(space, componentId, node, run.provenance()));
                case "Budgets" -> {
                    String budgetId = node.path("id").asText("");
                    for (JsonNode project : node.path("projects")) {
                        try {
                            run.ctx.emit(run.mapper.project(
                                    space, componentId, budgetId, project, run.provenance()));
                        } catch (IllegalArgumentException e) {
                            badRecord(run, project, e);
                        }
                    }
                }
                case "Accountability" ->
                    run.outcomes
                            .computeIfAbsent(space.url(), key -> new ArrayList<>())
                            .add(run.mapper.outcome(space, componentId, node));
                default -> throw new IllegalStateException("unexpected component " + typename);
            }
        } catch (IllegalArgumentException e) {
            badRecord(run, node, e);
        }
    }

    private static void badRecord(Run run, JsonNode node, IllegalArgumentException e) {
        String ref = node.path("id").asText(null);
        run.ctx.report("bad-record", ref, run.api, e.getMessage());
        run.problems.add("bad record " + (ref == null ? "" : ref + " ") + e.getMessage());
    }
}
