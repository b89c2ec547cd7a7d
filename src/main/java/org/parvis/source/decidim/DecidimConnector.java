package org.parvis.source.decidim;

import com.fasterxml.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Provenance;
import org.parvis.source.Connector;
import org.parvis.source.HarvestContext;
import org.parvis.source.Listing;
import org.parvis.source.SourceConfig;
import org.parvis.source.decidim.DecidimMapper.Space;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Decidim instance through its GraphQL API ({@code POST {baseUrl}/api}): detects the API
 * generation (version string if disclosed, else the fields of {@code ParticipatoryProcess}), lists
 * every participatory process and assembly with their components in one request, then pages
 * through each proposals, meetings, debates and budgets component, {@value
 * DecidimQueries#PAGE_SIZE} records at a time (Decidim's largest page), following cursors.
 *
 * <p>Versions newer than 0.30 are queried with the 0.30 documents; if the instance rejects one, a
 * {@code schema-rejected} issue names the version and the errors. A component that fails (HTTP
 * error, HTML page, cut JSON, GraphQL errors) is reported and skipped, the others are still read,
 * and the listing is then incomplete so that nothing is removed. A record that cannot be mapped
 * (no id, no title) is reported as {@code bad-record} and also makes the listing incomplete.
 *
 * <p>TODO(#4): skip unchanged components on re-harvest; the API has no modification date on
 * components, so an unchanged instance still costs one request per component page.
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

        @Nullable
        String versionString;

        final List<String> problems = new ArrayList<>();

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
            spaces = call(run, DecidimQueries.SPACES, DecidimQueries.spaces(run.version), Map.of());
        } catch (GraphqlCall.Failure e) {
            return Listing.incomplete("space list: " + e.getMessage());
        }
        List<Space> read = new ArrayList<>();
        Map<Space, JsonNode> components = new HashMap<>();
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
                    ctx.emit(space.process());
                    read.add(space);
                    components.put(space, node.path("components"));
                } catch (IllegalArgumentException e) {
                    badRecord(run, node, e);
                }
            }
        }

        // 3. The components' records.
        for (Space space : read) {
            for (JsonNode component : components.get(space)) {
                readComponent(run, space, component);
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

    private JsonNode call(Run run, String operation, String query, Map<String, ?> variables)
            throws GraphqlCall.Failure, InterruptedException {
        try {
            return GraphqlCall.execute(run.ctx, run.api, operation, query, variables);
        } catch (GraphqlCall.Failure e) {
            String where = operation
                    + (variables.containsKey("id")
                            ? " (component " + variables.get("id") + ")"
                            : "");
            if (e.isRejected()
                    && run.versionString != null
                    && DecidimVersion.isNewerThanKnown(run.versionString)) {
                run.ctx.report(
                        "schema-rejected",
                        where,
                        run.api,
                        "Decidim " + run.versionString + " is newer than the versions Parvis"
                                + " knows (0.27 to 0.30) and rejects the 0.30 query: "
                                + e.getMessage());
            } else {
                run.ctx.report(e.type(), where, run.api, e.getMessage());
            }
            run.problems.add(where + ": " + e.getMessage());
            throw e;
        }
    }

    private void readComponent(Run run, Space space, JsonNode component)
            throws InterruptedException {
        String typename = component.path("__typename").asText("");
        String id = component.path("id").asText("");
        if (id.isEmpty()) {
            return;
        }
        String operation;
        String query;
        String field;
        switch (typename) {
            case "Proposals" -> {
                operation = DecidimQueries.PROPOSALS;
                query = DecidimQueries.proposals(run.version);
                field = "proposals";
            }
            case "Meetings" -> {
                operation = DecidimQueries.MEETINGS;
                query = DecidimQueries.meetings(run.version);
                field = "meetings";
            }
            case "Debates" -> {
                operation = DecidimQueries.DEBATES;
                query = DecidimQueries.debates(run.version);
                field = "debates";
            }
            case "Budgets" -> {
                operation = DecidimQueries.BUDGETS;
                query = DecidimQueries.budgets(run.version);
                field = "budgets";
            }
            default -> {
                // TODO(#4): surveys, accountability results, blogs and pages.
                return;
            }
        }

        String after = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", id);
            variables.put("after", after);
            JsonNode data;
            try {
                data = call(run, operation, query, variables);
            } catch (GraphqlCall.Failure e) {
                return;
            }
            JsonNode connection = data.path("component").path(field);
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
