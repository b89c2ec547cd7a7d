package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds places from what a citizen types: an INSEE code ({@code 33063}, {@code 2A004}, a former
 * code), a SIREN (commune or EPCI), a postcode ({@code 33000}), a département or région code, or a
 * name in any case, with or without accents, hyphens and apostrophes, with "St"/"Ste" for
 * Saint/Sainte, with one or two typos, or the name of a former commune. It backs {@code GET
 * /api/v1/places?q=…&limit=…}.
 *
 * <p>Ranking: identifiers and exact names first (a postcode's communes most populous first, an
 * arrondissement just before its commune, then a commune whose INSEE code is the query; current
 * names before former communes' names, each most populous first, then the finer level); then,
 * when some exact match was found, names that start with the query, heaviest first; when none
 * was, names that start with the query or are one or two edits from it, by population discounted
 * by {@value #EDIT_PENALTY} decade per edit (so "Lile" finds Lille before L'Île-Saint-Denis).
 * Queries of 4 to 6 characters allow one edit, longer ones two (only when no name is one edit
 * away); the first character must be right; near misses are not looked for when the query begins
 * {@value #MANY_COMPLETIONS} names or more (it is being typed: "Bord", "Saint-"). A leading or
 * trailing département code or postcode narrows a name: "Saint-Denis 974", "93 Saint-Denis",
 * "Saint-Denis 93200".
 *
 * <p>Everything is held in memory: hash maps for codes and exact names, a trie with precomputed
 * heaviest completions for prefixes, a {@link DeletionIndex} for typos (about 45 MB together).
 * Building takes one to a few seconds. Immutable after construction and thread-safe.
 */
public final class PlaceSearch {

    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY_CHARS = 100;

    /** The largest number of candidates one search returns. */
    public static final int MAX_LIMIT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(PlaceSearch.class);

    private static final double EDIT_PENALTY = 1.0;
    private static final int MIN_PREFIX_CHARS = 2;
    private static final int MANY_COMPLETIONS = 10;
    private static final Pattern ARRONDISSEMENT_NAME = Pattern.compile(
            "(.*\\S)\\s+(\\d{1,2})(er|e)\\s+Arrondissement", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> EPCI_TYPE_NAMES = Map.of(
            "CC ", "Communauté de communes ",
            "CA ", "Communauté d'agglomération ",
            "CU ", "Communauté urbaine ");

    private final Place[] places;
    private final AreaLevel[] levels;
    private final long[] weights;
    private final double[] logWeights;
    private final int[] departementOf;
    private final Map<AreaId, Integer> indexOf;
    private final Map<String, Integer> byInseeCode;
    private final Map<String, List<FormerCode>> formerByCode;
    private final Map<String, Integer> departementByCode;
    private final Map<String, Integer> regionByCode;
    private final Map<String, int[]> byPostcode;
    private final FrenchGazetteer gazetteer;
    private final NameIndex names;

    private record FormerCode(int place, String label) {}

    private PlaceSearch(FrenchGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        List<Place> all = new ArrayList<>();
        List<AreaLevel> allLevels = new ArrayList<>();
        for (AreaLevel level : AreaLevel.values()) {
            if (level != AreaLevel.LOCAL) {
                for (Place place : gazetteer.listPlaces(level)) {
                    all.add(place);
                    allLevels.add(level);
                }
            }
        }
        int n = all.size();
        places = all.toArray(new Place[0]);
        levels = allLevels.toArray(new AreaLevel[0]);
        weights = new long[n];
        logWeights = new double[n];
        indexOf = new HashMap<>(n * 2);
        byInseeCode = new HashMap<>(n * 2);
        departementByCode = new HashMap<>();
        regionByCode = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Place place = places[i];
            indexOf.put(place.id(), i);
            weights[i] = weightOf(place, levels[i]);
            logWeights[i] = Math.log10(weights[i] + 10.0);
            // AreaId.code() matches regexes to find the level, which is known here.
            String value = place.id().value();
            String code = value.substring(value.lastIndexOf(':') + 1);
            switch (levels[i]) {
                case COMMUNE, ARRONDISSEMENT -> byInseeCode.put(code, i);
                case DEPARTEMENT -> departementByCode.put(code, i);
                case REGION -> regionByCode.put(code, i);
                default -> {
                    // France, the EU and EPCIs have no INSEE code; EPCIs are found by SIREN.
                }
            }
        }
        departementOf = new int[n];
        for (int i = 0; i < n; i++) {
            departementOf[i] = findDepartementIndex(i);
        }
        formerByCode = indexFormerCodes(gazetteer);
        byPostcode = indexPostcodes();
        names = new NameIndex(nameEntries(gazetteer));
    }

    /** Builds the search over every place and former commune of the gazetteer. */
    public static PlaceSearch of(FrenchGazetteer gazetteer) {
        long start = System.nanoTime();
        PlaceSearch search = new PlaceSearch(gazetteer);
        LOG.info(
                "Place search ready in {} ms: {} places, {} names, {} postcodes, {} typo variants",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                search.places.length,
                search.names.size(),
                search.byPostcode.size(),
                search.names.variantCount());
        return search;
    }

    /**
     * The candidates for a query, best first.
     *
     * @param q what the user typed: 1 to {@value #MAX_QUERY_CHARS} characters
     * @param limit how many candidates at most, 1 to {@value #MAX_LIMIT}
     * @throws IllegalArgumentException naming {@code q} or {@code limit} when out of bounds, or
     * when
     *     {@code q} has no letter or digit
     */
    public List<PlaceMatch> search(String q, int limit) {
        String key = validate(q, limit);
        Candidates found = new Candidates();

        if (looksLikeCode(key)) {
            searchCodes(key, found);
            return found.toMatches(places, limit);
        }

        if (searchExact(key, found, null, limit)) {
            return found.toMatches(places, limit);
        }

        // "Saint-Denis 974": the name narrowed by a code, before near misses of the whole query.
        Qualified qualified = qualify(q);
        if (qualified != null
                && (searchExact(qualified.key(), found, qualified.filter(), limit)
                        || searchNear(qualified.key(), found, qualified.filter(), limit))) {
            return found.toMatches(places, limit);
        }
        searchNear(key, found, null, limit);
        return found.toMatches(places, limit);
    }

    // ---- package-private services for ScopeResolver and PlaceService ----

    FrenchGazetteer gazetteer() {
        return gazetteer;
    }

    /** Every place whose name, usual form or former commune name has exactly this key. */
    List<PlaceMatch> listExactNameMatches(String key) {
        List<PlaceMatch> matches = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int e : names.exact(key)) {
            NameIndex.Entry entry = names.entry(e);
            if (seen.add(entry.place())) {
                matches.add(new PlaceMatch(
                        places[entry.place()], exactKind(entry), entry.matchedName()));
            }
        }
        return matches;
    }

    /** Every place with a name within {@code maxEdits} of the key, with its distance. */
    Map<Place, Integer> listFuzzyNameMatches(String key, int maxEdits) {
        Map<Place, Integer> matches = new HashMap<>();
        names.fuzzy(
                key,
                maxEdits,
                (e, edits) -> matches.merge(places[names.entry(e).place()], edits, Math::min));
        return matches;
    }

    /** The communes and arrondissements having this postcode, in search order. */
    List<Place> listByPostcode(String postcode) {
        int[] found = byPostcode.get(postcode);
        if (found == null) {
            return List.of();
        }
        List<Place> list = new ArrayList<>(found.length);
        for (int i : found) {
            list.add(places[i]);
        }
        return list;
    }

    /** The département containing a place (itself for a département). */
    Optional<Place> findDepartement(AreaId id) {
        Integer index = indexOf.get(id);
        if (index == null || departementOf[index] < 0) {
            return Optional.empty();
        }
        return Optional.of(places[departementOf[index]]);
    }

    /** The level of a known place, without the regex matching of {@link AreaId#level()}. */
    AreaLevel levelOf(Place place) {
        Integer index = indexOf.get(place.id());
        return index == null ? place.level() : levels[index];
    }

    // ---- search steps ----

    private static String validate(@Nullable String q, int limit) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException(
                    "parameter q is empty; give a place name, a postcode, an INSEE code or"
                            + " a SIREN (1 to " + MAX_QUERY_CHARS + " characters)");
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException(
                    "parameter q has " + q.length() + " characters; at most " + MAX_QUERY_CHARS
                            + " are allowed, shorten the query");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("parameter limit is " + limit
                    + "; expected a whole number from 1 to " + MAX_LIMIT);
        }
        String key = Names.key(q);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("parameter q '" + q.strip()
                    + "' has no letter or digit; give a place name, a postcode, an INSEE "
                    + "code or a SIREN");
        }
        return key;
    }

    // Digits only, or a Corsican code: 2A, 2B, 2A004.
    private static boolean looksLikeCode(String key) {
        int from = 0;
        if (key.length() >= 2
                && key.charAt(0) == '2'
                && (key.charAt(1) == 'a' || key.charAt(1) == 'b')) {
            if (key.length() != 2 && key.length() != 5) {
                return false;
            }
            from = 2;
        }
        for (int i = from; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void searchCodes(String key, Candidates found) {
        String code = key.toUpperCase(java.util.Locale.ROOT);
        switch (code.length()) {
            case 5 -> {
                int[] postcodeMatches = byPostcode.get(code);
                if (postcodeMatches != null) {
                    for (int i : postcodeMatches) {
                        found.add(i, MatchKind.POSTCODE, code, 0);
                    }
                }
                Integer commune = byInseeCode.get(code);
                if (commune != null) {
                    found.add(commune, MatchKind.CODE, code, 0);
                }
                // A former code is stale: shown only when no current postcode or code matches.
                if (found.isEmpty()) {
                    for (FormerCode former : formerByCode.getOrDefault(code, List.of())) {
                        found.add(former.place(), MatchKind.CODE, former.label(), 0);
                    }
                }
            }
            case 9 ->
                gazetteer
                        .findPlaceBySiren(code)
                        .ifPresent(place ->
                                found.add(indexOf.get(place.id()), MatchKind.SIREN, code, 0));
            case 2, 3 -> {
                Integer departement = departementByCode.get(code);
                if (departement != null) {
                    found.add(departement, MatchKind.CODE, code, 0);
                }
                Integer region = regionByCode.get(code);
                if (region != null) {
                    found.add(region, MatchKind.CODE, code, 0);
                }
            }
            default -> {
                // No French identifier has another length: nothing to find.
            }
        }
    }

    // Exact names, then completions of the same key; returns whether any exact name matched.
    private boolean searchExact(
            String key, Candidates found, @Nullable IntPredicate filter, int limit) {
        for (int e : names.exact(key)) {
            NameIndex.Entry entry = names.entry(e);
            if (filter == null || filter.test(entry.place())) {
                found.add(
                        entry.place(),
                        exactKind(entry),
                        entry.matchedName(),
                        weights[entry.place()]);
            }
        }
        if (found.isEmpty()) {
            return false;
        }
        found.sortExact(levels);
        if (found.size() < limit && key.length() >= MIN_PREFIX_CHARS) {
            names.prefix(key, limit - found.size(), e -> {
                int place = names.place(e);
                return (filter == null || filter.test(place))
                        && !found.contains(place)
                        && found.add(
                                place,
                                MatchKind.PREFIX,
                                names.entry(e).matchedName(),
                                weights[place]);
            });
        }
        return true;
    }

    // Completions and near misses compete on population; an edit costs a decade. Returns whether
    // anything matched.
    private boolean searchNear(
            String key, Candidates found, @Nullable IntPredicate filter, int limit) {
        Candidates near = new Candidates();
        int wanted = Math.max(limit, MANY_COMPLETIONS);
        if (key.length() >= MIN_PREFIX_CHARS) {
            names.prefix(key, wanted, e -> {
                int place = names.place(e);
                return (filter == null || filter.test(place))
                        && !near.contains(place)
                        && near.add(
                                place,
                                MatchKind.PREFIX,
                                names.entry(e).matchedName(),
                                score(place, 0));
            });
        }

        // The nearest names (one edit away, or two when none is one edit away), unless the
        // query begins many names: then it is being typed, and near misses would be noise.
        int maxEdits = maxEdits(key.length());
        if (maxEdits > 0 && near.size() < wanted) {
            names.fuzzy(key, maxEdits, (e, distance) -> {
                int place = names.place(e);
                if (filter == null || filter.test(place)) {
                    near.add(
                            place,
                            MatchKind.FUZZY,
                            names.entry(e).matchedName(),
                            score(place, distance));
                }
            });
        }
        near.sortByScore();
        found.addAll(near);
        return !near.isEmpty();
    }

    private record Qualified(String key, IntPredicate filter) {}

    // A leading or trailing token that is a département code or a postcode, and a name besides.
    private @Nullable Qualified qualify(String q) {
        if (!hasDigit(q)) {
            return null;
        }
        List<String> tokens = Names.tokens(q);
        if (tokens.size() < 2) {
            return null;
        }
        IntPredicate filter = qualifierFilter(tokens.get(tokens.size() - 1));
        List<String> nameTokens = tokens.subList(0, tokens.size() - 1);
        if (filter == null) {
            filter = qualifierFilter(tokens.get(0));
            nameTokens = tokens.subList(1, tokens.size());
        }
        String nameKey = String.join("", nameTokens);
        if (filter == null || nameKey.isEmpty() || looksLikeCode(nameKey)) {
            return null;
        }
        return new Qualified(nameKey, filter);
    }

    private static boolean hasDigit(String q) {
        for (int i = 0; i < q.length(); i++) {
            if (q.charAt(i) >= '0' && q.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private @Nullable IntPredicate qualifierFilter(String token) {
        String code = token.toUpperCase(java.util.Locale.ROOT);
        if (code.length() == 5 && byPostcode.containsKey(code)) {
            return i -> places[i].postcodes().contains(code);
        }
        Integer departement = departementByCode.get(code);
        if (departement != null) {
            int dep = departement;
            return i -> departementOf[i] == dep;
        }
        return null;
    }

    private static int maxEdits(int keyLength) {
        if (keyLength < 4) {
            return 0;
        }
        return keyLength < 7 ? 1 : 2;
    }

    private double score(int place, int edits) {
        return logWeights[place] - EDIT_PENALTY * edits;
    }

    private static MatchKind exactKind(NameIndex.Entry entry) {
        return entry.kind() == NameIndex.Kind.FORMER ? MatchKind.FORMER_NAME : MatchKind.EXACT_NAME;
    }

    // ---- construction ----

    private static long weightOf(Place place, AreaLevel level) {
        // France and the EU have no population figure but rank above any area they contain.
        if (level == AreaLevel.EU) {
            return Long.MAX_VALUE / 2;
        }
        if (level == AreaLevel.NATION) {
            return Long.MAX_VALUE / 4;
        }
        return place.population() == null ? 0 : place.population();
    }

    private int findDepartementIndex(int i) {
        if (levels[i] == AreaLevel.DEPARTEMENT) {
            return i;
        }
        for (AreaId parent : places[i].parents()) {
            if (parent.value().startsWith("fr:departement:")) {
                Integer index = indexOf.get(parent);
                return index == null ? -1 : index;
            }
        }
        return -1;
    }

    private Map<String, List<FormerCode>> indexFormerCodes(FrenchGazetteer gazetteer) {
        Map<String, List<FormerCode>> byCode = new HashMap<>();
        // A délégée or associée still lies inside its commune: listed before an older merged code.
        List<FormerCommune> formers = new ArrayList<>(gazetteer.listFormerCommunes());
        formers.sort(Comparator.comparing(f -> f.type().equals(FormerCommune.ANCIEN_CODE)));
        for (FormerCommune former : formers) {
            Integer current = indexOf.get(former.current());
            if (current == null || current.equals(byInseeCode.get(former.code()))) {
                continue;
            }
            List<FormerCode> list = byCode.computeIfAbsent(former.code(), k -> new ArrayList<>(1));
            if (list.stream().noneMatch(f -> f.place() == current)) {
                String label = former.name() == null
                        ? former.code()
                        : former.name() + " (" + former.code() + ")";
                list.add(new FormerCode(current, label));
            }
        }
        return byCode;
    }

    // A postcode's communes most populous first; an arrondissement just before its commune.
    private Map<String, int[]> indexPostcodes() {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int i = 0; i < places.length; i++) {
            if (levels[i] == AreaLevel.COMMUNE || levels[i] == AreaLevel.ARRONDISSEMENT) {
                for (String postcode : places[i].postcodes()) {
                    lists.computeIfAbsent(postcode, k -> new ArrayList<>(2)).add(i);
                }
            }
        }
        Comparator<Integer> order = Comparator.<Integer>comparingLong(i -> -communeWeight(i))
                .thenComparing(i -> levels[i] == AreaLevel.ARRONDISSEMENT ? 0 : 1)
                .thenComparingLong(i -> -weights[i])
                .thenComparing(i -> places[i].id());
        Map<String, int[]> sorted = new HashMap<>(lists.size() * 2);
        lists.forEach((postcode, list) -> {
            list.sort(order);
            sorted.put(postcode, list.stream().mapToInt(Integer::intValue).toArray());
        });
        return sorted;
    }

    private long communeWeight(int i) {
        if (levels[i] == AreaLevel.ARRONDISSEMENT) {
            Integer commune = indexOf.get(places[i].parents().get(0));
            return commune == null ? weights[i] : weights[commune];
        }
        return weights[i];
    }

    private List<NameIndex.Entry> nameEntries(FrenchGazetteer gazetteer) {
        List<NameIndex.Entry> entries = new ArrayList<>(places.length + 8_000);
        Set<String> known = new HashSet<>();
        for (int i = 0; i < places.length; i++) {
            Place place = places[i];
            addEntry(entries, known, i, place.name(), NameIndex.Kind.NAME, null);
            for (String alias : aliases(place, levels[i])) {
                addEntry(entries, known, i, alias, NameIndex.Kind.ALIAS, alias);
            }
        }

        // Since 2020 arrondissements 1 to 4 of Paris vote as one sector, "Paris Centre".
        for (String code : List.of("75101", "75102", "75103", "75104")) {
            Integer i = byInseeCode.get(code);
            if (i != null) {
                addEntry(entries, known, i, "Paris Centre", NameIndex.Kind.ALIAS, "Paris Centre");
            }
        }

        for (FormerCommune former : gazetteer.listFormerCommunes()) {
            Integer current = indexOf.get(former.current());
            if (former.name() != null && current != null) {
                addEntry(
                        entries,
                        known,
                        current,
                        former.name(),
                        NameIndex.Kind.FORMER,
                        former.name());
            }
        }
        return entries;
    }

    private void addEntry(
            List<NameIndex.Entry> entries,
            Set<String> known,
            int place,
            String name,
            NameIndex.Kind kind,
            @Nullable String matchedName) {
        String key = Names.key(name);
        if (!key.isEmpty() && known.add(key + '|' + place)) {
            entries.add(new NameIndex.Entry(key, place, kind, matchedName, weights[place]));
        }
    }

    private static List<String> aliases(Place place, AreaLevel level) {
        List<String> aliases = new ArrayList<>(2);
        switch (level) {
            case ARRONDISSEMENT -> {
                Matcher m = ARRONDISSEMENT_NAME.matcher(place.name());
                if (m.matches()) {
                    aliases.add(m.group(1) + " " + m.group(2) + m.group(3));
                    aliases.add(m.group(2) + m.group(3) + " arrondissement");
                }
            }
            case EPCI ->
                EPCI_TYPE_NAMES.forEach((prefix, full) -> {
                    if (place.name().startsWith(prefix)) {
                        aliases.add(full + place.name().substring(prefix.length()));
                    }
                });
            case NATION -> aliases.addAll(List.of("FR", "République française"));
            case EU -> aliases.addAll(List.of("UE", "EU", "European Union", "Europe"));
            default -> {
                // Communes, départements and régions are searched by their official names.
            }
        }
        return aliases;
    }

    /** Candidates collected during one search, one per place. Confined to the searching thread. */
    private static final class Candidates {
        private final List<Candidate> list = new ArrayList<>();

        private record Candidate(
                int place, MatchKind kind, @Nullable String matchedName, double rank) {}

        boolean isEmpty() {
            return list.isEmpty();
        }

        int size() {
            return list.size();
        }

        boolean contains(int place) {
            return indexOf(place) >= 0;
        }

        /** Adds a place unless present; returns whether it was added. */
        boolean add(int place, MatchKind kind, @Nullable String matchedName, double rank) {
            int i = indexOf(place);
            if (i >= 0) {
                Candidate c = list.get(i);
                if (kind.compareTo(c.kind()) < 0 && rank >= c.rank()) {
                    list.set(i, new Candidate(place, kind, matchedName, rank));
                } else if (rank > c.rank()) {
                    list.set(i, new Candidate(place, c.kind(), c.matchedName(), rank));
                }
                return false;
            }
            list.add(new Candidate(place, kind, matchedName, rank));
            index(place, list.size() - 1);
            return true;
        }

        // Position of a place in the list: a linear scan while short, then an open-addressing
        // table (place + 1 → position + 1), as fuzzy look-ups may gather a hundred candidates.
        private int @Nullable [] table;

        private int indexOf(int place) {
            int[] t = table;
            if (t == null) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i).place() == place) {
                        return i;
                    }
                }
                return -1;
            }
            int mask = t.length / 2 - 1;
            for (int slot = mix(place) & mask; ; slot = (slot + 1) & mask) {
                int key = t[slot * 2];
                if (key == 0) {
                    return -1;
                }
                if (key == place + 1) {
                    return t[slot * 2 + 1] - 1;
                }
            }
        }

        private void index(int place, int position) {
            int[] t = table;
            if (t == null && list.size() <= 16) {
                return;
            }
            if (t == null || list.size() * 2 > t.length / 2) {
                t = new int[Integer.highestOneBit(Math.max(64, list.size() * 4)) * 2];
                table = t;
                for (int i = 0; i < list.size(); i++) {
                    put(t, list.get(i).place(), i);
                }
                return;
            }
            put(t, place, position);
        }

        private static void put(int[] t, int place, int position) {
            int mask = t.length / 2 - 1;
            int slot = mix(place) & mask;
            while (t[slot * 2] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot * 2] = place + 1;
            t[slot * 2 + 1] = position + 1;
        }

        private static int mix(int place) {
            return place * 0x9E3779B9 >>> 7;
        }

        void addAll(Candidates other) {
            for (Candidate c : other.list) {
                add(c.place(), c.kind(), c.matchedName(), c.rank());
            }
        }

        // Current names before former communes' names; then most populous, finer level, id.
        void sortExact(AreaLevel[] levels) {
            list.sort(Comparator.comparing(Candidate::kind)
                    .thenComparing(Comparator.comparingDouble(Candidate::rank).reversed())
                    .thenComparing(c -> levels[c.place()])
                    .thenComparingInt(Candidate::place));
            reindex();
        }

        void sortByScore() {
            list.sort(Comparator.comparingDouble(Candidate::rank)
                    .reversed()
                    .thenComparingInt(Candidate::place));
            reindex();
        }

        // Sorting moves candidates: positions are recorded anew.
        private void reindex() {
            int[] t = table;
            if (t != null) {
                java.util.Arrays.fill(t, 0);
                for (int i = 0; i < list.size(); i++) {
                    put(t, list.get(i).place(), i);
                }
            }
        }

        List<PlaceMatch> toMatches(Place[] places, int limit) {
            List<PlaceMatch> matches = new ArrayList<>(Math.min(limit, list.size()));
            for (int i = 0; i < list.size() && i < limit; i++) {
                Candidate c = list.get(i);
                matches.add(new PlaceMatch(places[c.place()], c.kind(), c.matchedName()));
            }
            return matches;
        }
    }
}
