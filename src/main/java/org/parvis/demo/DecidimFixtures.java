package org.parvis.demo;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of the loopback Decidim: a fictional "Participation Bordeaux Métropole" instance
 * written for Parvis, with a cycling plan (60 proposals, so that proposals take two pages, and
 * three meetings), a participatory budget in Mérignac (projects, proposals with addresses,
 * debates, an accountability component), the redevelopment of the Bastide quays (a neighbourhood
 * scope no gazetteer knows), a questionnaire on parks (a survey component alone) and a
 * consultative assembly. Dates are relative to the instant given; shapes follow the generation
 * (plain step dates in 0.27, scopes and categories before 0.30, taxonomies from 0.30).
 *
 * <p>Objects are mutable maps: {@link FakeDecidim} edits them under its lock.
 */
final class DecidimFixtures {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final String[] SUBJECTS = {
        "Piste cyclable protégée",
        "Arceaux vélo sécurisés",
        "Double sens cyclable",
        "Zone 30 autour de l'école",
        "Stationnement vélo cargo",
        "Éclairage de la voie verte",
        "Traversée piétonne surélevée",
        "Station de gonflage en libre accès",
        "Jalonnement des itinéraires vélo",
        "Sas vélo aux feux",
        "Abri vélo couvert à la station de tram",
        "Continuité cyclable sur le pont",
    };

    private static final String[][] PLACES = {
        {"cours de la Marne, 33800 Bordeaux", "44.8297", "-0.5645"},
        {"avenue Thiers, 33100 Bordeaux", "44.8430", "-0.5530"},
        {"avenue de la Marne, 33700 Mérignac", "44.8389", "-0.6451"},
        {"cours Victor Hugo, 33130 Bègles", "44.8070", "-0.5480"},
        {"avenue Gambetta, 33600 Pessac", "44.8060", "-0.6310"},
    };

    private final String generation;
    private final Instant now;
    private final LocalDate today;

    final List<Map<String, Object>> processes = new ArrayList<>();
    final List<Map<String, Object>> assemblies = new ArrayList<>();
    final List<Map<String, Object>> initiatives = new ArrayList<>();
    final Map<String, Map<String, Object>> components = new LinkedHashMap<>();

    private final int cyclingProposals;

    DecidimFixtures(String generation, Instant now) {
        this(generation, now, SUBJECTS.length * PLACES.length);
    }

    /** Fixtures whose cycling plan has {@code cyclingProposals} proposals (60 by default). */
    DecidimFixtures(String generation, Instant now, int cyclingProposals) {
        if (cyclingProposals < 0) {
            throw new IllegalArgumentException(
                    "the number of proposals cannot be negative, got " + cyclingProposals);
        }
        this.cyclingProposals = cyclingProposals;
        this.generation = generation;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.today = LocalDate.ofInstant(now, ZONE);
        build();
    }

    private boolean taxonomies() {
        return "0.30".equals(generation);
    }

    private void build() {
        // 1. The cycling plan: 60 proposals, three meetings.
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (int i = 0; i < cyclingProposals; i++) {
            int id = 1001 + i;
            int s = (i / PLACES.length) % SUBJECTS.length;
            int round = i / (PLACES.length * SUBJECTS.length);
            String[] place = PLACES[i % PLACES.length];
            String title = SUBJECTS[s] + " " + place[0].substring(0, place[0].indexOf(','))
                    + (round == 0 ? "" : " (variante " + (round + 1) + ")");
            String state = switch (id % 5) {
                case 0 -> "accepted";
                case 1 -> "evaluating";
                case 2 -> "rejected";
                default -> null;
            };
            boolean withdrawn = id == 1013;
            Map<String, Object> proposal = object("Proposal");
            proposal.put("id", Integer.toString(id));
            proposal.put("reference", "BM-PROP-2026-03-" + id);
            proposal.put("title", text(title, null));
            proposal.put(
                    "body",
                    text(
                            "<p>Aujourd'hui, circuler à vélo "
                                    + place[0].substring(0, place[0].indexOf(','))
                                    + " est difficile aux heures de pointe. "
                                    + "Je propose : "
                                    + SUBJECTS[s].toLowerCase(java.util.Locale.FRENCH)
                                    + ".</p>",
                            null));
            proposal.put("address", place[0]);
            proposal.put(
                    "coordinates",
                    Map.of(
                            "latitude",
                            Double.parseDouble(place[1]) + s * 0.0007,
                            "longitude",
                            Double.parseDouble(place[2]) - s * 0.0005));
            proposal.put("state", withdrawn && !taxonomies() ? "withdrawn" : state);
            proposal.put(
                    "answer",
                    "accepted".equals(state)
                            ? text("Proposition retenue pour la programmation 2027.", null)
                            : null);
            proposal.put("answeredAt", "accepted".equals(state) ? at(-3) : null);
            proposal.put("publishedAt", at(-25 + s));
            proposal.put("createdAt", at(-25 + s));
            proposal.put("updatedAt", at(-20 + s));
            proposal.put("official", false);
            proposal.put("voteCount", (id * 7) % 90);
            proposal.put("endorsementsCount", id % 4);
            proposal.put("totalCommentsCount", id % 6);
            proposal.put("withdrawn", withdrawn);
            proposal.put("withdrawnAt", withdrawn ? at(-2) : null);
            proposal.put("author", author("Camille Durand", "camille_d"));
            themes(proposal, "Mobilités douces", null);
            proposals.add(proposal);
        }
        component("101", "Proposals", "Propositions", Map.of("proposals", proposals));
        component(
                "102",
                "Meetings",
                "Rencontres",
                Map.of(
                        "meetings",
                        List.of(
                                meeting(
                                        "2001",
                                        "Atelier vélo et sécurité à Mérignac",
                                        5,
                                        "in_person",
                                        "Médiathèque Michel Serres, 33700 Mérignac",
                                        44.8386,
                                        -0.6439),
                                meeting(
                                        "2002",
                                        "Webinaire : le Plan vélo en questions",
                                        9,
                                        "online",
                                        null,
                                        null,
                                        null),
                                meeting(
                                        "2003",
                                        "Balade urbaine à vélo rive droite",
                                        16,
                                        "hybrid",
                                        "Place Stalingrad, 33100 Bordeaux",
                                        44.8408,
                                        -0.5590))));
        Map<String, Object> velo = space(
                "ParticipatoryProcess",
                "11",
                "plan-velo-2030",
                "Plan vélo métropolitain 2026-2030",
                "Metropolitan cycling plan 2026-2030",
                "Donnez votre avis sur les itinéraires cyclables et le stationnement des vélos.",
                "Métropole",
                "Territoires",
                "Mobilités douces",
                "PlanVelo");
        velo.put("startDate", date(-30));
        velo.put("endDate", date(45));
        velo.put(
                "steps",
                List.of(
                        step("31", "Diagnostic partagé", -30, -11, false, 0, null),
                        step(
                                "32",
                                "Dépôt des propositions",
                                -10,
                                20,
                                true,
                                1,
                                "/processes/plan-velo-2030/f/101/proposals"),
                        step("33", "Restitution publique", 21, 45, false, 2, null)));
        velo.put("components", List.of(ref("101", "Proposals"), ref("102", "Meetings")));
        processes.add(velo);

        // 2. The participatory budget of Mérignac.
        List<Map<String, Object>> projects = new ArrayList<>();
        String[][] projectData = {
            {"4001", "Un verger partagé au parc du Vivier", "45000", "true"},
            {"4002", "Des jeux inclusifs square Jean Jaurès", "80000", "false"},
            {"4003", "Rénovation du skatepark de Capeyron", "120000", "false"},
            {"4004", "Des fontaines à eau dans le centre-ville", "30000", "true"},
        };
        for (String[] data : projectData) {
            Map<String, Object> project = object("Project");
            project.put("id", data[0]);
            project.put("reference", "BM-PROJ-2026-02-" + data[0]);
            project.put("title", text(data[1], null));
            project.put(
                    "description",
                    text("<p>" + data[1] + ", proposé par des habitants.</p>", null));
            project.put("budget_amount", Integer.parseInt(data[2]));
            project.put("selected", Boolean.parseBoolean(data[3]));
            project.put("createdAt", at(-60));
            project.put("updatedAt", at(-5));
            project.put("totalCommentsCount", 2);
            themes(project, "Mérignac", "Cadre de vie");
            projects.add(project);
        }
        Map<String, Object> budget = object("Budget");
        budget.put("id", "41");
        budget.put("title", text("Budget participatif 2026", null));
        budget.put("description", text("<p>500 000 € pour vos projets.</p>", null));
        budget.put("total_budget", 500000);
        budget.put("projects", projects);
        component("201", "Budgets", "Budget participatif", Map.of("budgets", List.of(budget)));

        List<Map<String, Object>> merignacProposals = new ArrayList<>();
        String[][] ideas = {
            {"3001", "Un composteur collectif rue Jean Giono", "rue Jean Giono, 33700 Mérignac"},
            {"3002", "Plus d'ombre dans la cour de l'école Arlac", "rue d'Arlac, 33700 Mérignac"},
            {"3003", "Un parcours sportif au bois du Burck", "avenue du Burck, 33700 Mérignac"},
        };
        for (String[] idea : ideas) {
            Map<String, Object> proposal = object("Proposal");
            proposal.put("id", idea[0]);
            proposal.put("reference", "BM-PROP-2026-02-" + idea[0]);
            proposal.put("title", text(idea[1], null));
            proposal.put("body", text("<p>" + idea[1] + " : une idée pour le quartier.</p>", null));
            proposal.put("address", idea[2]);
            proposal.put("state", null);
            proposal.put("publishedAt", at(-40));
            proposal.put("createdAt", at(-40));
            proposal.put("updatedAt", at(-39));
            proposal.put("official", false);
            proposal.put("voteCount", null);
            proposal.put("totalCommentsCount", 1);
            proposal.put("withdrawn", false);
            proposal.put("author", author("Karim Benali", "kbenali"));
            themes(proposal, "Mérignac", "Cadre de vie");
            merignacProposals.add(proposal);
        }
        component("202", "Proposals", "Idées", Map.of("proposals", merignacProposals));
        Map<String, Object> debate = object("Debate");
        debate.put("id", "5001");
        debate.put("reference", "BM-DEBA-2026-02-5001");
        debate.put("title", text("Quelle place pour la nature en ville ?", null));
        debate.put("description", text("<p>Échangeons sur la végétalisation.</p>", null));
        debate.put("startTime", at(-10));
        debate.put("endTime", at(30));
        debate.put("createdAt", at(-12));
        debate.put("updatedAt", at(-1));
        debate.put("totalCommentsCount", 14);
        debate.put("author", author("Ville de Mérignac", "merignac"));
        themes(debate, "Mérignac", "Cadre de vie");
        component("203", "Debates", "Débats", Map.of("debates", List.of(debate)));
        component(
                "204",
                "Accountability",
                "Suivi des projets",
                Map.of(
                        "results",
                        List.of(
                                result("6001", "Un verger partagé au parc du Vivier", 40),
                                result("6002", "Des fontaines à eau dans le centre-ville", 100))));
        Map<String, Object> budgetProcess = space(
                "ParticipatoryProcess",
                "12",
                "budget-participatif-merignac-2026",
                "Budget participatif de Mérignac 2026",
                null,
                "Proposez et votez pour des projets d'intérêt général dans votre quartier.",
                "Mérignac",
                "Territoires",
                "Cadre de vie",
                null);
        budgetProcess.put("startDate", date(-60));
        budgetProcess.put("endDate", date(90));
        budgetProcess.put(
                "steps",
                List.of(
                        step("34", "Dépôt des idées", -60, -20, false, 0, null),
                        step(
                                "35",
                                "Vote",
                                -19,
                                30,
                                true,
                                1,
                                "/processes/budget-participatif-merignac-2026/f/201/budgets")));
        budgetProcess.put(
                "components",
                List.of(
                        ref("201", "Budgets"),
                        ref("202", "Proposals"),
                        ref("203", "Debates"),
                        ref("204", "Accountability")));
        processes.add(budgetProcess);

        // 3. The Bastide quays: a neighbourhood scope.
        component(
                "301",
                "Meetings",
                "Réunions publiques",
                Map.of(
                        "meetings",
                        List.of(meeting(
                                "2101",
                                "Réunion publique : l'avenir des quais",
                                12,
                                "in_person",
                                "Halle des Chartrons, 33000 Bordeaux",
                                44.8530,
                                -0.5690))));
        Map<String, Object> quais = space(
                "ParticipatoryProcess",
                "13",
                "quais-bastide",
                "Réaménagement des quais de la Bastide",
                null,
                "Promenade, jeux, guinguettes : imaginons ensemble les quais rive droite.",
                "Quartier Bastide",
                "Quartiers",
                "Urbanisme",
                null);
        quais.put("startDate", date(10));
        quais.put("endDate", date(100));
        quais.put("steps", List.of(step("36", "Concertation préalable", 10, 100, false, 0, null)));
        quais.put("components", List.of(ref("301", "Meetings")));
        processes.add(quais);

        // 4. A questionnaire on parks: a survey component and nothing else.
        Map<String, Object> questionnaire = new LinkedHashMap<>();
        questionnaire.put("id", "71");
        questionnaire.put("title", text("Vos usages des parcs et jardins", null));
        questionnaire.put(
                "description",
                text(
                        "<p>Dix questions, cinq minutes : dites-nous comment vous profitez des"
                                + " parcs de la métropole.</p>",
                        null));
        questionnaire.put("tos", null);
        questionnaire.put("forType", "Decidim::Surveys::Survey");
        questionnaire.put("createdAt", at(-8));
        questionnaire.put("updatedAt", at(-8));
        questionnaire.put("questions", List.of());
        Map<String, Object> survey = object("Survey");
        survey.put("id", "81");
        survey.put("createdAt", at(-8));
        survey.put("updatedAt", at(-8));
        survey.put("questionnaire", questionnaire);
        component("401", "Surveys", "Questionnaire", Map.of("surveys", List.of(survey)));
        Map<String, Object> parks = space(
                "ParticipatoryProcess",
                "14",
                "enquete-parcs-jardins",
                "Enquête sur les parcs et jardins",
                null,
                "Aidez-nous à mieux entretenir et aménager les parcs de la métropole.",
                "Métropole",
                "Territoires",
                "Nature en ville",
                null);
        parks.put("startDate", date(-7));
        parks.put("endDate", date(23));
        parks.put("steps", List.of(step("37", "Questionnaire en ligne", -7, 23, true, 0, null)));
        parks.put("components", List.of(ref("401", "Surveys")));
        processes.add(parks);

        // 5. An assembly.
        component(
                "501",
                "Meetings",
                "Séances",
                Map.of(
                        "meetings",
                        List.of(meeting(
                                "2201",
                                "Séance plénière du conseil de développement",
                                20,
                                "hybrid",
                                "Hôtel de Bordeaux Métropole, esplanade"
                                        + " Charles-de-Gaulle, 33000 Bordeaux",
                                44.8378,
                                -0.5866))));
        Map<String, Object> assembly = space(
                "Assembly",
                "5",
                "conseil-developpement-durable",
                "Conseil de développement durable",
                "Sustainable development council",
                "Une assemblée citoyenne consultée sur les grands projets de la métropole.",
                "Métropole",
                "Territoires",
                "Environnement",
                null);
        assembly.put("creationDate", "2019-01-15");
        assembly.put("closingDate", null);
        assembly.put("area", Map.of("name", text("Métropole", null)));
        assembly.put("components", List.of(ref("501", "Meetings")));
        assemblies.add(assembly);

        // 6. A citizens' initiative collecting signatures.
        Map<String, Object> initiative = object("Initiative");
        initiative.put("id", "7");
        initiative.put("slug", "i-7");
        initiative.put("type", "Decidim::Initiative");
        initiative.put("reference", "BM-INIT-2026-03-7");
        initiative.put("title", text("Des cantines bio et locales dans tous les collèges", null));
        initiative.put(
                "description",
                text(
                        "<p>Nous demandons au Département 50 % de produits bio et locaux dans les"
                                + " cantines des collèges de la métropole d'ici 2028.</p>",
                        null));
        initiative.put("hashtag", "CantinesLocales");
        initiative.put("state", "open");
        initiative.put("signatureType", "any");
        initiative.put("signatureStartDate", date(-20));
        initiative.put("signatureEndDate", date(70));
        initiative.put("onlineVotes", 1843);
        initiative.put("offlineVotes", 212);
        initiative.put("publishedAt", at(-20));
        initiative.put("createdAt", at(-25));
        initiative.put("updatedAt", at(-1));
        initiative.put("scope", Map.of("name", text("Métropole", null)));
        initiative.put(
                "initiativeType", Map.of("id", "1", "title", text("Initiative citoyenne", null)));
        initiative.put("author", author("Collectif Cantines locales", "cantines_locales"));
        initiative.put("attachments", List.of());
        initiative.put("components", List.of());
        initiatives.add(initiative);
    }

    // ---- builders ----

    private static Map<String, Object> object(String typename) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("__typename", typename);
        return map;
    }

    /** A translated field: French original, optionally an English machine translation. */
    static Map<String, Object> text(String french, @Nullable String english) {
        List<Map<String, Object>> translations = new ArrayList<>();
        translations.add(localized("fr", french, false));
        if (english != null) {
            translations.add(localized("en", english, true));
        }
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("locales", english == null ? List.of("fr") : List.of("fr", "en"));
        field.put("translations", translations);
        field.put("translation", french);
        return field;
    }

    private static Map<String, Object> localized(String locale, String text, boolean machine) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("locale", locale);
        map.put("text", text);
        map.put("machineTranslated", machine);
        return map;
    }

    private Map<String, Object> space(
            String typename,
            String id,
            String slug,
            String title,
            @Nullable String english,
            String summary,
            String place,
            String placeRoot,
            String theme,
            @Nullable String hashtag) {
        Map<String, Object> space = object(typename);
        space.put("id", id);
        space.put("slug", slug);
        space.put(
                "reference",
                "BM-" + ("Assembly".equals(typename) ? "ASSE" : "PART") + "-2026-01-" + id);
        space.put("type", "Decidim::" + typename);
        space.put("hashtag", hashtag);
        space.put("publishedAt", at(-70));
        space.put("createdAt", at(-80));
        space.put("updatedAt", at(-15));
        space.put("title", text(title, english));
        space.put("subtitle", null);
        space.put("shortDescription", text(summary, null));
        space.put(
                "description",
                text(
                        "<p>" + summary + "</p><p>Tous les habitants de la "
                                + "métropole peuvent participer.</p>",
                        null));
        space.put(
                "developerGroup", text("Bordeaux Métropole, direction de la participation", null));
        space.put("target", text("Habitants, associations et usagers", null));
        space.put("participatoryScope", text("Avis consultatif", null));
        space.put("participatoryStructure", text("Contributions en ligne et ateliers", null));
        space.put("localArea", text(place, null));
        space.put("metaScope", text(place, null));
        space.put(
                "manifest",
                Map.of(
                        "name",
                        "Assembly".equals(typename) ? "assemblies" : "participatory_processes"));
        space.put(
                "categories",
                List.of(Map.of(
                        "id", "7" + id, "name", text(theme, null), "subcategories", List.of())));
        space.put("stats", List.of());
        space.put("attachments", List.of());
        space.put("linkedParticipatorySpaces", List.of());
        themesOfSpace(space, place, placeRoot, theme);
        return space;
    }

    private void themesOfSpace(
            Map<String, Object> space, String place, String placeRoot, String theme) {
        space.put("scope", Map.of("id", "9", "name", text(place, null), "children", List.of()));
        if (taxonomies()) {
            space.put(
                    "taxonomies",
                    List.of(taxonomy(place, placeRoot), taxonomy(theme, "Thématiques")));
        }
    }

    /** A resource's scope and category (before 0.30) or taxonomies (0.30). */
    private void themes(Map<String, Object> resource, String place, @Nullable String theme) {
        resource.put("scope", Map.of("id", "9", "name", text(place, null), "children", List.of()));
        resource.put(
                "category",
                theme == null
                        ? null
                        : Map.of("id", "8", "name", text(theme, null), "subcategories", List.of()));
        if (taxonomies()) {
            List<Map<String, Object>> list = new ArrayList<>();
            list.add(taxonomy(place, "Territoires"));
            if (theme != null) {
                list.add(taxonomy(theme, "Thématiques"));
            }
            resource.put("taxonomies", list);
        }
    }

    private static Map<String, Object> taxonomy(String name, String rootName) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", Integer.toString(Math.abs(rootName.hashCode() % 1000)));
        root.put("name", text(rootName, null));
        root.put("isRoot", true);
        root.put("children", List.of());
        root.put("parent", null);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", Integer.toString(Math.abs(name.hashCode() % 10000)));
        item.put("name", text(name, null));
        item.put("isRoot", false);
        item.put("children", List.of());
        item.put("parent", root);
        return item;
    }

    private Map<String, Object> step(
            String id,
            String title,
            int startDays,
            int endDays,
            boolean active,
            int position,
            @Nullable String callToAction) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", id);
        step.put("title", text(title, null));
        step.put("description", null);
        // 0.27 steps have plain dates; later ones carry a time.
        step.put("startDate", "0.27".equals(generation) ? date(startDays) : at(startDays));
        step.put("endDate", "0.27".equals(generation) ? date(endDays) : at(endDays));
        step.put("active", active);
        step.put("position", position);
        step.put("callToActionPath", callToAction);
        step.put("callToActionText", callToAction == null ? null : text("Participer", null));
        return step;
    }

    private Map<String, Object> meeting(
            String id,
            String title,
            int inDays,
            String type,
            @Nullable String address,
            @Nullable Double lat,
            @Nullable Double lon) {
        Map<String, Object> meeting = object("Meeting");
        meeting.put("id", id);
        meeting.put("reference", "BM-MEET-2026-03-" + id);
        meeting.put("title", text(title, null));
        meeting.put("description", text("<p>" + title + ". Entrée libre.</p>", null));
        Instant start = today.plusDays(inDays).atTime(18, 30).atZone(ZONE).toInstant();
        meeting.put("startTime", start.atOffset(ZoneOffset.UTC).toString());
        meeting.put(
                "endTime",
                start.plus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toString());
        meeting.put("address", address == null ? "" : address);
        meeting.put("location", address == null ? null : text(address, null));
        meeting.put("coordinates", lat == null ? null : Map.of("latitude", lat, "longitude", lon));
        meeting.put("typeOfMeeting", type);
        meeting.put(
                "onlineMeetingUrl",
                "in_person".equals(type) ? "" : "https://visio.example.org/bm-" + id);
        meeting.put("registrationsEnabled", !"online".equals(type));
        meeting.put("remainingSlots", 40);
        meeting.put("attendeeCount", 0);
        meeting.put("contributionCount", 0);
        meeting.put("closed", false);
        meeting.put("isWithdrawn", false);
        meeting.put("privateMeeting", false);
        meeting.put("transparent", true);
        meeting.put("createdAt", at(-20));
        meeting.put("updatedAt", at(-20));
        meeting.put("totalCommentsCount", 0);
        themes(meeting, "Métropole", null);
        return meeting;
    }

    /** An accountability result at {@code progress} per cent. */
    private Map<String, Object> result(String id, String title, int progress) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", progress == 100 ? "3" : "2");
        status.put("key", progress == 100 ? "completed" : "in_progress");
        status.put("name", text(progress == 100 ? "Réalisé" : "En cours", null));
        status.put("progress", progress == 100 ? 100 : 50);
        Map<String, Object> result = object("Result");
        result.put("id", id);
        result.put("reference", "BM-RESU-2026-02-" + id);
        result.put("title", text(title, null));
        result.put("description", text("<p>" + title + " : travaux engagés.</p>", null));
        result.put("startDate", date(-30));
        result.put("endDate", date(120));
        result.put("progress", (double) progress);
        result.put("weight", 0);
        result.put("childrenCount", 0);
        result.put("children", List.of());
        result.put("status", status);
        result.put("createdAt", at(-30));
        result.put("updatedAt", at(-2));
        result.put("totalCommentsCount", 0);
        themes(result, "Mérignac", "Cadre de vie");
        return result;
    }

    private static Map<String, Object> author(String name, String nickname) {
        Map<String, Object> author = object("User");
        author.put("id", Integer.toString(Math.abs(nickname.hashCode() % 10000)));
        author.put("name", name);
        author.put("nickname", "@" + nickname);
        author.put("profilePath", "/profiles/" + nickname);
        author.put("avatarUrl", "/images/default-avatar.svg");
        author.put("badge", "");
        author.put("organizationName", "");
        author.put("deleted", false);
        return author;
    }

    private void component(String id, String typename, String name, Map<String, Object> content) {
        Map<String, Object> component = object(typename);
        component.put("id", id);
        component.put("name", text(name, null));
        component.put("weight", components.size());
        component.putAll(content);
        components.put(id, component);
    }

    /** The component with this id, checking it has the expected type. */
    private Map<String, Object> ref(String id, String typename) {
        Map<String, Object> component = components.get(id);
        if (component == null || !typename.equals(component.get("__typename"))) {
            throw new IllegalStateException("fixture component " + id + " is not a " + typename);
        }
        return component;
    }

    private String date(int days) {
        return today.plusDays(days).toString();
    }

    private String at(int days) {
        return now.plus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC).toString();
    }
}
