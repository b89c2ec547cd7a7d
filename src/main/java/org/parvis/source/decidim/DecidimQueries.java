package org.parvis.source.decidim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public static final String SPACE = "ParvisSpace";
    public static final String PROPOSALS = "ParvisProposals";
    public static final String MEETINGS = "ParvisMeetings";
    public static final String DEBATES = "ParvisDebates";
    public static final String BUDGETS = "ParvisBudgets";
    public static final String RESULTS = "ParvisResults";

    private static final String TEXT = "fragment Text on TranslatedField {"
            + " translations { locale text machineTranslated } }\n";

    private static final String INITIATIVE = "fragment Initiative on Initiative {"
            + " id slug reference publishedAt updatedAt title { ...Text } description { ...Text }"
            + " hashtag state signatureStartDate signatureEndDate onlineVotes offlineVotes"
            + " scope { name { ...Text } } initiativeType { title { ...Text } } }\n";

    private DecidimQueries() {}

    /**
     * Version and feature probe, valid on every generation: the version string (null unless the
     * instance discloses it), the fields of a process, which tell taxonomies (0.30+) and space
     * manifests (0.28+), and the type names, which tell whether the initiatives module is
     * installed (servers allow one {@code fields} list per introspection query).
     */
    public static String detect() {
        return "query " + DETECT + " { decidim { version }"
                + " process: __type(name: \"ParticipatoryProcess\") { fields { name } }"
                + " __schema { types { name } } }";
    }

    /**
     * Every process and assembly with its components, and every initiative when the instance
     * has the initiatives module (without it, the field does not exist and the query would be
     * refused).
     */
    public static String spaces(DecidimVersion version, boolean initiatives) {
        String territory = version == DecidimVersion.V0_30 ? taxonomies() : "";
        return "query " + SPACES + " {"
                + " participatoryProcesses { ...Process }"
                + " assemblies { ...Assembly }"
                + (initiatives ? " initiatives { ...Initiative }" : "") + " }\n"
                + (initiatives ? INITIATIVE : "")
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

    /**
     * The first page of every supported component of one space, with the space's component list,
     * in one request: {@code space} is {@code ParticipatoryProcess} or {@code Assembly}. Decidim
     * weighs a selection on an interface by its costliest type, not by the sum of its fragments,
     * so this stays within its complexity limit whenever each component's own page does.
     */
    public static String space(DecidimVersion version, String space) {
        String root = switch (space) {
            case "ParticipatoryProcess" -> "participatoryProcess";
            case "Assembly" -> "assembly";
            default -> throw new IllegalArgumentException("no space query for " + space);
        };
        StringBuilder query = new StringBuilder("query " + SPACE + "($id: ID!) { space: " + root
                + "(id: $id) { id components { id __typename");
        StringBuilder fragments = new StringBuilder();
        for (Records records : Records.values()) {
            query.append(" ... on ")
                    .append(records.typename)
                    .append(" { ")
                    .append(records.field)
                    .append("(first: ")
                    .append(PAGE_SIZE)
                    .append(") { ...")
                    .append(records.typename)
                    .append("Page } }");
            fragments.append(records.pageFragment(version));
        }
        return query.append(" } } }\n").append(fragments).append(TEXT).toString();
    }

    /** One page of a proposals component. */
    public static String proposals(DecidimVersion version) {
        return Records.PROPOSALS.page(version);
    }

    /** One page of a meetings component. */
    public static String meetings(DecidimVersion version) {
        return Records.MEETINGS.page(version);
    }

    /** One page of a debates component. */
    public static String debates(DecidimVersion version) {
        return Records.DEBATES.page(version);
    }

    /** One page of the budgets of a budgets component, with their projects. */
    public static String budgets(DecidimVersion version) {
        return Records.BUDGETS.page(version);
    }

    /** Every document the connector may send to an instance of this generation. */
    public static List<String> listAll(DecidimVersion version) {
        List<String> all = new ArrayList<>();
        all.add(detect());
        all.add(spaces(version, false));
        all.add(spaces(version, true));
        all.add(space(version, "ParticipatoryProcess"));
        all.add(space(version, "Assembly"));
        for (Records records : Records.values()) {
            all.add(records.page(version));
        }
        return List.copyOf(all);
    }

    /**
     * The component types whose records are read: the GraphQL type, its connection field, the
     * operation that pages it, and the fields of one record.
     */
    enum Records {
        PROPOSALS("Proposals", "proposals", "ProposalConnection", DecidimQueries.PROPOSALS) {
            @Override
            String nodeFields(DecidimVersion version) {
                return "id reference title { ...Text } body { ...Text } address"
                        + " coordinates { latitude longitude } state answer { ...Text } answeredAt"
                        + " publishedAt createdAt updatedAt official voteCount endorsementsCount"
                        + " totalCommentsCount author { name nickname profilePath }"
                        + (version == DecidimVersion.V0_30 ? " withdrawn withdrawnAt" : "")
                        + resourceThemes(version);
            }
        },
        MEETINGS("Meetings", "meetings", "MeetingConnection", DecidimQueries.MEETINGS) {
            @Override
            String nodeFields(DecidimVersion version) {
                return "id reference title { ...Text } description { ...Text } startTime endTime"
                        + " address location { ...Text } coordinates { latitude longitude }"
                        + " typeOfMeeting onlineMeetingUrl registrationsEnabled remainingSlots"
                        + " attendeeCount closed isWithdrawn createdAt updatedAt"
                        + " totalCommentsCount" + resourceThemes(version);
            }
        },
        DEBATES("Debates", "debates", "DebateConnection", DecidimQueries.DEBATES) {
            @Override
            String nodeFields(DecidimVersion version) {
                return "id reference title { ...Text } description { ...Text } startTime endTime"
                        + " createdAt updatedAt totalCommentsCount"
                        + " author { name nickname profilePath }" + resourceThemes(version);
            }
        },
        BUDGETS("Budgets", "budgets", "BudgetConnection", DecidimQueries.BUDGETS) {
            @Override
            String nodeFields(DecidimVersion version) {
                return "id title { ...Text } total_budget projects {"
                        + " id reference title { ...Text } description { ...Text }"
                        + " budget_amount selected createdAt updatedAt totalCommentsCount"
                        + resourceThemes(version) + " }";
            }
        },
        /** Accountability results: outcomes of their space, not items of their own. */
        RESULTS("Accountability", "results", "ResultConnection", DecidimQueries.RESULTS) {
            @Override
            String nodeFields(DecidimVersion version) {
                return "id reference title { ...Text } description { ...Text } startDate endDate"
                        + " progress status { key name { ...Text } progress } updatedAt";
            }
        };

        final String typename;
        final String field;
        final String operation;
        private final String connection;

        Records(String typename, String field, String connection, String operation) {
            this.typename = typename;
            this.field = field;
            this.connection = connection;
            this.operation = operation;
        }

        /** The component type named {@code typename}, if its records are read. */
        static Optional<Records> find(String typename) {
            for (Records records : values()) {
                if (records.typename.equals(typename)) {
                    return Optional.of(records);
                }
            }
            return Optional.empty();
        }

        abstract String nodeFields(DecidimVersion version);

        /** The page after {@code $after} of the component {@code $id}. */
        String page(DecidimVersion version) {
            return "query " + operation + "($id: ID!, $after: String) {"
                    + " component(id: $id) { id ... on " + typename + " {"
                    + " " + field + "(first: " + PAGE_SIZE + ", after: $after) {"
                    + " ..." + typename + "Page } } } }\n"
                    + pageFragment(version) + TEXT;
        }

        private String pageFragment(DecidimVersion version) {
            return "fragment " + typename + "Page on " + connection + " {"
                    + " pageInfo { hasNextPage endCursor } nodes { " + nodeFields(version)
                    + " } }\n";
        }
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
