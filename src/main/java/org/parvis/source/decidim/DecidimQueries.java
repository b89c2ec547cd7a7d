package org.parvis.source.decidim;

import java.util.List;

/**
 * The GraphQL documents the {@code decidim} connector sends, per API generation. Every one of them
 * is validated in the tests against the schema of the generation it targets, so a field that does
 * not exist fails the build rather than a harvest.
 *
 * <p>Stateless and thread-safe.
 */
public final class DecidimQueries {

    /** Decidim's largest page ({@code max_page_size} of its schema). */
    public static final int PAGE_SIZE = 50;

    /** Operation names, also used by the loopback Decidim to inject faults. */
    public static final String DETECT = "ParvisDetect";

    public static final String SPACES = "ParvisSpaces";
    public static final String PROPOSALS = "ParvisProposals";
    public static final String MEETINGS = "ParvisMeetings";
    public static final String DEBATES = "ParvisDebates";
    public static final String BUDGETS = "ParvisBudgets";

    private static final String TEXT = "fragment Text on TranslatedField {"
            + " translations { locale text machineTranslated } }\n";

    private DecidimQueries() {}

    /**
     * Version and feature probe, valid on every generation: the version string (null unless the
     * instance discloses it) and the fields of a process, which tell taxonomies (0.30+) and space
     * manifests (0.28+).
     */
    public static String detect() {
        return "query " + DETECT + " { decidim { version }"
                + " process: __type(name: \"ParticipatoryProcess\") { fields { name } } }";
    }

    /** Every process and assembly with its components. */
    public static String spaces(DecidimVersion version) {
        String territory = version == DecidimVersion.V0_30 ? taxonomies() : "";
        return "query " + SPACES + " {"
                + " participatoryProcesses { ...Process }"
                + " assemblies { ...Assembly } }\n"
                + "fragment Process on ParticipatoryProcess { " + spaceFields()
                + " startDate endDate"
                + " steps { id title { ...Text } description { ...Text } startDate endDate active"
                + " position callToActionPath }"
                + (version == DecidimVersion.V0_30 ? "" : " scope { name { ...Text } }")
                + territory + " }\n"
                + "fragment Assembly on Assembly { " + spaceFields()
                + " creationDate closingDate area { name { ...Text } }" + territory + " }\n"
                + TEXT;
    }

    /** One page of a proposals component. */
    public static String proposals(DecidimVersion version) {
        return "query " + PROPOSALS + "($id: ID!, $after: String) {"
                + " component(id: $id) { id ... on Proposals {"
                + " proposals(first: " + PAGE_SIZE + ", after: $after) {"
                + " pageInfo { hasNextPage endCursor } nodes {"
                + " id reference title { ...Text } body { ...Text } address"
                + " coordinates { latitude longitude } state answer { ...Text } answeredAt"
                + " publishedAt createdAt updatedAt official voteCount endorsementsCount"
                + " totalCommentsCount author { name nickname profilePath }"
                + (version == DecidimVersion.V0_30 ? " withdrawn withdrawnAt" : "")
                + resourceThemes(version) + " } } } } }\n" + TEXT;
    }

    /** One page of a meetings component. */
    public static String meetings(DecidimVersion version) {
        return "query " + MEETINGS + "($id: ID!, $after: String) {"
                + " component(id: $id) { id ... on Meetings {"
                + " meetings(first: " + PAGE_SIZE + ", after: $after) {"
                + " pageInfo { hasNextPage endCursor } nodes {"
                + " id reference title { ...Text } description { ...Text } startTime endTime"
                + " address location { ...Text } coordinates { latitude longitude }"
                + " typeOfMeeting onlineMeetingUrl registrationsEnabled remainingSlots"
                + " attendeeCount closed isWithdrawn createdAt updatedAt totalCommentsCount"
                + resourceThemes(version) + " } } } } }\n" + TEXT;
    }

    /** One page of a debates component. */
    public static String debates(DecidimVersion version) {
        return "query " + DEBATES + "($id: ID!, $after: String) {"
                + " component(id: $id) { id ... on Debates {"
                + " debates(first: " + PAGE_SIZE + ", after: $after) {"
                + " pageInfo { hasNextPage endCursor } nodes {"
                + " id reference title { ...Text } description { ...Text } startTime endTime"
                + " createdAt updatedAt totalCommentsCount author { name nickname profilePath }"
                + resourceThemes(version) + " } } } } }\n" + TEXT;
    }

    /** One page of the budgets of a budgets component, with their projects. */
    public static String budgets(DecidimVersion version) {
        return "query " + BUDGETS + "($id: ID!, $after: String) {"
                + " component(id: $id) { id ... on Budgets {"
                + " budgets(first: " + PAGE_SIZE + ", after: $after) {"
                + " pageInfo { hasNextPage endCursor } nodes {"
                + " id title { ...Text } total_budget projects {"
                + " id reference title { ...Text } description { ...Text } budget_amount selected"
                + " createdAt updatedAt totalCommentsCount"
                + resourceThemes(version) + " } } } } } }\n" + TEXT;
    }

    /** Every document the connector may send to an instance of this generation. */
    public static List<String> listAll(DecidimVersion version) {
        return List.of(
                detect(),
                spaces(version),
                proposals(version),
                meetings(version),
                debates(version),
                budgets(version));
    }

    private static String spaceFields() {
        return "id slug reference type hashtag publishedAt updatedAt"
                + " title { ...Text } subtitle { ...Text } shortDescription { ...Text }"
                + " description { ...Text } developerGroup { ...Text } target { ...Text }"
                + " participatoryScope { ...Text } participatoryStructure { ...Text }"
                + " localArea { ...Text } metaScope { ...Text } categories { name { ...Text } }"
                + " components { id __typename name { ...Text } }";
    }

    /** A resource's territory and theme labels: taxonomies in 0.30, scope and category before. */
    private static String resourceThemes(DecidimVersion version) {
        return version == DecidimVersion.V0_30
                ? taxonomies()
                : " scope { name { ...Text } } category { name { ...Text } }";
    }

    /** Taxonomies with up to two ancestors, so the root tells places from themes. */
    private static String taxonomies() {
        return " taxonomies { name { ...Text } parent { isRoot name { ...Text }"
                + " parent { isRoot name { ...Text } } } }";
    }
}
