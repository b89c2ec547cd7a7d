package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Derivation;
import org.parvis.model.HarvestMethod;
import org.parvis.model.Licence;
import org.parvis.model.LocalizedText;
import org.parvis.model.Organiser;
import org.parvis.model.OrganiserKind;
import org.parvis.model.Process;
import org.parvis.model.ProcessBuilder;
import org.parvis.model.ProcessType;
import org.parvis.model.Provenance;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates synthetic participation processes spread over the places of a gazetteer, with a
 * realistic mix of levels, themes, kinds and dates. The same gazetteer, count, seed and instant
 * always give the same processes.
 *
 * <p>Levels: about 70 % commune (communes drawn in proportion to population, 3 % of them naming a
 * second commune of the same EPCI), 10 % EPCI, 8 % département, 5 % région, 2.5 % municipal
 * arrondissement, 2.5 % France, 2 % EU. Dates are whole days: most processes started in the last
 * two
 * years, some are announced up to six months ahead, and some petitions have no end, so that about a
 * quarter are open or upcoming at {@code now}.
 *
 * <p>Immutable and thread-safe: each call draws from its own random source.
 */
final class SyntheticProcesses {

    /** The 20 theme ids of the Parvis taxonomy, with how often a process carries each. */
    static final Map<String, Integer> THEME_WEIGHTS = themeWeights();

    static final List<String> THEMES = List.copyOf(THEME_WEIGHTS.keySet());

    private static final Licence LICENCE = new Licence(
            "etalab-2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", null);

    private static final String[] SOURCES = {
        "bench-decidim-a", "bench-decidim-b", "bench-capcollectif", "bench-consul", "bench-agora"
    };

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final Gazetteer gazetteer;
    private final WeightedChoice<Place> communes;
    private final @Nullable WeightedChoice<Place> arrondissements;
    private final WeightedChoice<Place> epcis;
    private final WeightedChoice<Place> departements;
    private final WeightedChoice<Place> regions;
    private final Map<AreaId, List<Place>> communesByEpci;
    private final Map<AreaId, AreaId> epciOfCommune;
    private final WeightedChoice<String> themes = WeightedChoice.of(THEMES, THEME_WEIGHTS::get);
    private final WeightedChoice<KindProfile> kinds =
            WeightedChoice.of(KindProfile.ALL, KindProfile::weight);
    private final WeightedChoice<KindProfile> europeanKinds = WeightedChoice.of(
            KindProfile.ALL.stream()
                    .filter(profile -> profile.kind() == ProcessType.CONSULTATION
                            || profile.kind() == ProcessType.CALL_FOR_EVIDENCE)
                    .toList(),
            KindProfile::weight);

    /** Prepares draws over the places of {@code gazetteer}; throws when a level has no place. */
    SyntheticProcesses(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.communes = WeightedChoice.of(
                requirePlaces(gazetteer, AreaLevel.COMMUNE), SyntheticProcesses::population);
        List<Place> arrondissementList = gazetteer.listPlaces(AreaLevel.ARRONDISSEMENT);
        this.arrondissements = arrondissementList.isEmpty()
                ? null
                : WeightedChoice.of(arrondissementList, SyntheticProcesses::population);
        this.epcis = WeightedChoice.uniform(requirePlaces(gazetteer, AreaLevel.EPCI));
        this.departements = WeightedChoice.uniform(requirePlaces(gazetteer, AreaLevel.DEPARTEMENT));
        this.regions = WeightedChoice.uniform(requirePlaces(gazetteer, AreaLevel.REGION));
        this.communesByEpci = new HashMap<>();
        this.epciOfCommune = new HashMap<>();
        for (Place commune : gazetteer.listPlaces(AreaLevel.COMMUNE)) {
            for (AreaId parent : gazetteer.listParents(commune.id())) {
                if (parent.level() == AreaLevel.EPCI) {
                    communesByEpci
                            .computeIfAbsent(parent, key -> new ArrayList<>())
                            .add(commune);
                    epciOfCommune.put(commune.id(), parent);
                }
            }
        }
    }

    /** Population as a drawing weight; a place without a known population weighs as one person. */
    static double population(Place place) {
        Long population = place.population();
        return population == null || population < 1 ? 1 : population;
    }

    /**
     * {@code count} processes numbered 0 to {@code count - 1}, statuses fixed relative to {@code
     * now}.
     */
    BenchDataset generate(int count, long seed, Instant now) {
        if (count < 1) {
            throw new IllegalArgumentException("item count is " + count + "; expected at least 1");
        }
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Process> processes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            processes.add(generateOne(i, random, today, now));
        }
        return new BenchDataset(processes, now, seed);
    }

    private Process generateOne(int index, SplittableRandom random, LocalDate today, Instant now) {
        List<Place> places = drawPlaces(random);
        Place main = places.get(0);
        KindProfile profile = (main.level() == AreaLevel.EU ? europeanKinds : kinds).next(random);

        Set<String> chosenThemes = new LinkedHashSet<>();
        int themeCount = 1 + (random.nextInt(100) < 45 ? 0 : random.nextInt(100) < 66 ? 1 : 2);
        if (main.level() == AreaLevel.EU) {
            chosenThemes.add("europe_international");
        }
        while (chosenThemes.size() < themeCount) {
            chosenThemes.add(themes.next(random));
        }

        LocalDate start = random.nextInt(100) < 15
                ? today.plusDays(1 + random.nextInt(180))
                : today.minusDays(random.nextInt(731));
        Integer durationDays = profile.drawDurationDays(random);
        Instant startAt = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant endAt = durationDays == null ? null : startAt.plus(Duration.ofDays(durationDays));
        Instant publishedAt = startAt.minus(Duration.ofDays(random.nextInt(22)));

        String theme = chosenThemes.iterator().next();
        String subject = Vocabulary.subject(theme, random);
        String title = Vocabulary.title(profile.kind(), subject, main.name(), random);
        String summary = Vocabulary.summary(
                profile.kind(),
                subject,
                main.name(),
                endAt == null ? null : DAY.format(endAt.atZone(ZoneOffset.UTC)));

        String source = SOURCES[random.nextInt(SOURCES.length)];
        ProcessBuilder builder = ProcessBuilder.create()
                .withId(BenchDataset.uriOf(index))
                .withSourceKey(new SourceKey(source, "process/" + index))
                .withProcessType(profile.kind())
                .withTitle(LocalizedText.of("fr", title))
                .withSummary(LocalizedText.of("fr", summary))
                .addOrganiser(Organiser.of(
                        organiserName(main), OrganiserKind.governing(main.level()), main.id()))
                .withWindow(startAt, endAt)
                .withPublishedAt(publishedAt)
                .withUpdatedAt(publishedAt)
                .withLanguages(List.of("fr"))
                .withParticipateUrl(URI.create("https://" + source + ".example/processes/" + index))
                .withProvenance(new Provenance(
                        source,
                        now,
                        null,
                        HarvestMethod.UNIFIED_JSON,
                        publishedAt,
                        LICENCE,
                        List.of()));
        for (Place place : places) {
            builder.addTerritory(TerritoryRef.of(place.id(), Derivation.DECLARED));
        }
        for (String chosen : chosenThemes) {
            builder.addTheme(
                    new ThemeAssignment(chosen, ThemeMethod.SOURCE_MAPPING, 1.0, "synthetic"));
        }
        return builder.build();
    }

    /** The territory of one process: one place, or two communes of the same EPCI. */
    private List<Place> drawPlaces(SplittableRandom random) {
        int roll = random.nextInt(1000);
        if (roll < 700) {
            Place commune = communes.next(random);
            AreaId epci = epciOfCommune.get(commune.id());
            if (epci != null && random.nextInt(100) < 3) {
                List<Place> members = communesByEpci.get(epci);
                Place other = members.get(random.nextInt(members.size()));
                if (!other.id().equals(commune.id())) {
                    return List.of(commune, other);
                }
            }
            return List.of(commune);
        } else if (roll < 800) {
            return List.of(epcis.next(random));
        } else if (roll < 880) {
            return List.of(departements.next(random));
        } else if (roll < 930) {
            return List.of(regions.next(random));
        } else if (roll < 955) {
            return List.of(
                    arrondissements == null ? communes.next(random) : arrondissements.next(random));
        } else if (roll < 980) {
            return List.of(namedPlace(AreaId.FRANCE, "France"));
        }
        return List.of(namedPlace(AreaId.EU, "Union européenne"));
    }

    private Place namedPlace(AreaId id, String fallbackName) {
        return gazetteer
                .findPlace(id)
                .orElseGet(() ->
                        new Place(id, fallbackName, List.of(), null, gazetteer.listParents(id)));
    }

    private static String organiserName(Place place) {
        return switch (place.level()) {
            case COMMUNE, ARRONDISSEMENT -> "Ville de " + place.name();
            case DEPARTEMENT -> "Département : " + place.name();
            case REGION -> "Région " + place.name();
            case NATION -> "Gouvernement";
            case EU -> "Commission européenne";
            default -> place.name();
        };
    }

    private static List<Place> requirePlaces(Gazetteer gazetteer, AreaLevel level) {
        List<Place> places = gazetteer.listPlaces(level);
        if (places.isEmpty()) {
            throw new IllegalArgumentException(
                    "the gazetteer lists no place of level " + level.code()
                            + "; the benchmark needs communes, EPCIs, départements and régions");
        }
        return places;
    }

    private static Map<String, Integer> themeWeights() {
        Map<String, Integer> weights = new java.util.LinkedHashMap<>();
        weights.put("urbanisme", 14);
        weights.put("logement", 6);
        weights.put("mobilite", 11);
        weights.put("cadre_de_vie", 12);
        weights.put("environnement", 8);
        weights.put("climat_energie", 6);
        weights.put("eau_dechets", 5);
        weights.put("sante", 4);
        weights.put("solidarite", 5);
        weights.put("education_jeunesse", 6);
        weights.put("culture_patrimoine", 6);
        weights.put("sport_loisirs", 5);
        weights.put("economie_emploi", 5);
        weights.put("agriculture_alimentation", 3);
        weights.put("securite", 3);
        weights.put("democratie", 6);
        weights.put("finances_publiques", 3);
        weights.put("numerique", 3);
        weights.put("egalite_droits", 2);
        weights.put("europe_international", 2);
        return java.util.Collections.unmodifiableMap(weights);
    }

    /** How often a kind of process occurs and how long it lasts. */
    record KindProfile(
            ProcessType kind, double weight, int minDays, int maxDays, int openEndedPercent) {

        static final List<KindProfile> ALL = List.of(
                new KindProfile(ProcessType.CONSULTATION, 44, 14, 60, 0),
                new KindProfile(ProcessType.PARTICIPATORY_BUDGET, 12, 90, 365, 0),
                new KindProfile(ProcessType.PETITION, 10, 30, 180, 25),
                new KindProfile(ProcessType.PUBLIC_INQUIRY, 9, 30, 45, 0),
                new KindProfile(ProcessType.PRIOR_CONCERTATION, 6, 21, 90, 0),
                new KindProfile(ProcessType.CALL_FOR_IDEAS, 5, 21, 90, 0),
                new KindProfile(ProcessType.SURVEY, 4, 14, 45, 0),
                new KindProfile(ProcessType.MEETING_SERIES, 3, 30, 180, 0),
                new KindProfile(ProcessType.CALL_FOR_EVIDENCE, 2, 28, 84, 0),
                new KindProfile(ProcessType.PUBLIC_DEBATE, 2, 60, 120, 0),
                new KindProfile(ProcessType.CITIZEN_INITIATIVE, 1.5, 60, 365, 10),
                new KindProfile(ProcessType.ASSEMBLY, 1, 90, 365, 0),
                new KindProfile(ProcessType.LOCAL_REFERENDUM, 0.5, 1, 14, 0));

        /** A duration in days, or null for a process without an end. */
        @Nullable
        Integer drawDurationDays(SplittableRandom random) {
            if (openEndedPercent > 0 && random.nextInt(100) < openEndedPercent) {
                return null;
            }
            return minDays + random.nextInt(maxDays - minDays + 1);
        }
    }
}
