package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Derivation;
import org.parvis.model.GeoPoint;
import org.parvis.model.TerritoryRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a harvested item at area ids from what its source says about territory. In order, the
 * first that gives an area wins:
 *
 * <ol>
 *   <li><b>labels</b> (Decidim scopes, areas and taxonomies, CAP Collectif districts, Consul
 *       geozones): a label mapped in the source's configuration ({@link Derivation#MANUAL}); a
 *       label meaning the whole territory ("Métropole", "Toute la ville"); or a label naming a
 *       place <em>inside the organiser's territory</em> — the territory itself or an area the
 *       gazetteer nests in it — by its name, a usual form ("Paris 11e", "11e arrondissement"), a
 *       former commune's name, "Ville de …", a name with a trailing département code, a name
 *       followed by a compass or centre qualifier ("Bordeaux Centre"), or, in a commune or an
 *       EPCI, followed by any neighbourhood name, or a name one typo away ({@link
 *       Derivation#MAPPED});
 *   <li><b>coordinates</b>, through the commune contours, when the point lies inside the
 *       organiser's territory ({@link Derivation#GEOMETRY});
 *   <li><b>an address</b>: its postcode and commune name ({@link Derivation#MAPPED});
 *   <li>otherwise <b>the organiser's territory</b> ({@link Derivation#ORGANISER}).
 * </ol>
 *
 * <p>A label that names no place (a neighbourhood such as "Quartier Bastide") is returned in
 * {@link ScopeResolution#unresolvedLabels()} and recorded once per source in {@link
 * UnresolvedScopes}, so an operator can map it; the item then stays at the next step's level. A
 * label naming several homonyms inside the territory is treated the same way: guessing would put
 * the item in the wrong place. Labels that resolve are not widened by those that do not, because
 * taxonomies mix places and themes.
 *
 * <p>Immutable and thread-safe (the per-territory sets of descendants are cached in a concurrent
 * map).
 */
public final class ScopeResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeResolver.class);

    /** Labels that mean "the organiser's whole territory", as {@link Names#key} keys. */
    private static final Set<String> WHOLE_TERRITORY = Set.of(
            "metropole",
            "lametropole",
            "ville",
            "laville",
            "commune",
            "lacommune",
            "agglomeration",
            "lagglomeration",
            "agglo",
            "territoire",
            "leterritoire",
            "global",
            "globale",
            "general",
            "generale",
            "transversal",
            "transversale",
            "ensembleduterritoire",
            "ensembledelaville",
            "ensembledelametropole",
            "ensembledelacommune",
            "touslesquartiers",
            "tousquartiers",
            "interquartiers",
            "intercommunal",
            "intercommunale",
            "departement",
            "ledepartement",
            "departemental",
            "departementale",
            "region",
            "laregion",
            "regional",
            "regionale",
            "national",
            "nationale",
            "all",
            "citywide");

    /** Leading words of "Toute la ville", "Tout Paris", "L'ensemble de la métropole". */
    private static final List<List<String>> WHOLE_PREFIXES = List.of(
            List.of("l", "ensemble", "de"),
            List.of("l", "ensemble", "du"),
            List.of("ensemble", "de"),
            List.of("tout"),
            List.of("toute"),
            List.of("tous"),
            List.of("toutes"));

    /** Leading words of "Ville de Mérignac", "Commune du Bouscat" (du → le, des → les). */
    private static final Set<String> BODY_WORDS = Set.of("ville", "commune", "mairie", "cite");

    /** Words that may follow a place name to mean a part of it ("Bordeaux Centre"). */
    private static final Set<String> QUALIFIERS = Set.of(
            "centre",
            "centreville",
            "ville",
            "nord",
            "sud",
            "est",
            "ouest",
            "nordest",
            "nordouest",
            "sudest",
            "sudouest",
            "rive",
            "droite",
            "gauche",
            "haut",
            "bas",
            "bourg",
            "village",
            "quartier",
            "quartiers");

    /** Words that, after a name, mean the name goes on ("Saint-Médard en Jalles"). */
    private static final Set<String> LINK_WORDS = Set.of(
            "en", "de", "d", "du", "des", "la", "le", "les", "l", "sur", "sous", "lez", "aux", "au",
            "et");

    private static final Pattern POSTCODE = Pattern.compile("(?<![0-9])([0-9]{5})(?![0-9])");
    private static final Pattern CEDEX = Pattern.compile("(?i)\\bcedex\\b.*$");
    private static final Pattern ORDINAL_ALONE =
            Pattern.compile("(?i)\\s*(\\d{1,2})\\s*(e|er|ère|re|eme|ème|è)\\s*");

    private final FrenchGazetteer gazetteer;
    private final PlaceSearch search;
    private final @Nullable ContourIndex contours;
    private final UnresolvedScopes unresolvedScopes;
    private final Map<String, Map<String, AreaId>> mappings;
    private final Map<AreaId, Set<AreaId>> insideCache;

    private ScopeResolver(
            PlaceSearch search,
            @Nullable ContourIndex contours,
            UnresolvedScopes unresolvedScopes,
            Map<String, Map<String, AreaId>> mappings,
            Map<AreaId, Set<AreaId>> insideCache) {
        this.gazetteer = search.gazetteer();
        this.search = search;
        this.contours = contours;
        this.unresolvedScopes = unresolvedScopes;
        this.mappings = mappings;
        this.insideCache = insideCache;
    }

    /**
     * A resolver without configured mappings.
     *
     * @param contours commune contours for points; without them points are ignored
     * @param unresolvedScopes where unresolved labels are recorded
     */
    public static ScopeResolver create(
            PlaceSearch search,
            Optional<ContourIndex> contours,
            UnresolvedScopes unresolvedScopes) {
        return new ScopeResolver(
                search,
                contours.orElse(null),
                unresolvedScopes,
                Map.of(),
                new ConcurrentHashMap<>());
    }

    /**
     * A resolver that also maps these labels of one source to these areas ({@link
     * Derivation#MANUAL}), replacing that source's earlier mappings. Labels compare as in search:
     * case, accents and punctuation do not matter.
     *
     * @param labelToArea label → area; the area must be in the gazetteer or a {@code local:} id
     * @throws IllegalArgumentException naming the label when it is blank or its area is unknown
     */
    public ScopeResolver withMappings(String sourceId, Map<String, AreaId> labelToArea) {
        Map<String, AreaId> normalised = new HashMap<>();
        labelToArea.forEach((label, area) -> {
            String key = label == null ? "" : Names.key(label);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(
                        "source " + sourceId + ": scope mapping label '" + label
                                + "' has no letter or digit;"
                                + " give the label as the source spells it");
            }
            if (area == null
                    || (area.level() != AreaLevel.LOCAL
                            && gazetteer.findPlace(area).isEmpty())) {
                throw new IllegalArgumentException("source " + sourceId + ": scope label '" + label
                        + "' is mapped to unknown area " + area
                        + "; use an area id of the gazetteer (find it with GET "
                        + "/api/v1/places?q=…)");
            }
            normalised.put(key, area);
        });
        Map<String, Map<String, AreaId>> all = new HashMap<>(mappings);
        all.put(sourceId, Collections.unmodifiableMap(normalised));
        return new ScopeResolver(search, contours, unresolvedScopes, Map.copyOf(all), insideCache);
    }

    /** The registry of unresolved labels this resolver records into. */
    public UnresolvedScopes unresolvedScopes() {
        return unresolvedScopes;
    }

    /**
     * Places an item.
     *
     * @throws IllegalArgumentException when the organiser's territory is not in the gazetteer
     */
    public ScopeResolution resolve(ScopeInput in) {
        AreaId territory = in.organiserTerritory();
        if (gazetteer.findPlace(territory).isEmpty()) {
            throw new IllegalArgumentException(
                    "source " + in.sourceId() + ": organiser territory " + territory
                            + " is not in the gazetteer; configure an existing area id (find it "
                            + "with GET /api/v1/places?q=…)");
        }
        Set<AreaId> inside = insideCache.computeIfAbsent(territory, this::descendantsAndSelf);

        // 1. Labels.
        Map<AreaId, TerritoryRef> areas = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        Map<String, AreaId> manual = mappings.getOrDefault(in.sourceId(), Map.of());
        for (String label : in.labels()) {
            String key = Names.key(label);
            if (key.isEmpty() || !seenKeys.add(key)) {
                continue;
            }
            AreaId mapped = manual.get(key);
            if (mapped != null) {
                areas.putIfAbsent(
                        mapped, new TerritoryRef(mapped, Derivation.MANUAL, label.strip()));
                continue;
            }
            List<AreaId> found = matchLabel(label, territory, inside);
            if (found.isEmpty()) {
                unresolved.add(label.strip());
                unresolvedScopes.record(in.sourceId(), label, territory);
            }
            for (AreaId area : found) {
                areas.putIfAbsent(area, new TerritoryRef(area, Derivation.MAPPED, label.strip()));
            }
        }
        if (!areas.isEmpty()) {
            return new ScopeResolution(List.copyOf(areas.values()), unresolved);
        }

        // 2. Coordinates.
        // TODO(#3): take a district polygon too (CAP Collectif districts carry GeoJSON) and place
        // the item in the communes it covers.
        if (in.point() != null && contours != null) {
            Optional<AreaId> at = contours.findAreaAt(in.point());
            if (at.isPresent() && inside.contains(at.get())) {
                return new ScopeResolution(
                        List.of(new TerritoryRef(
                                at.get(), Derivation.GEOMETRY, pointLabel(in.point()))),
                        unresolved);
            }
            LOG.debug(
                    "Source {}: point {} is {} the organiser territory {}; ignored",
                    in.sourceId(),
                    in.point(),
                    at.isPresent() ? "outside" : "in no known commune, nor in",
                    territory);
        }

        // 3. Address.
        if (in.address() != null && !in.address().isBlank()) {
            List<AreaId> found = matchAddress(in.address(), inside);
            if (!found.isEmpty()) {
                List<TerritoryRef> refs = found.stream()
                        .map(a -> new TerritoryRef(
                                a, Derivation.MAPPED, in.address().strip()))
                        .toList();
                return new ScopeResolution(refs, unresolved);
            }
        }

        // 4. The organiser's territory.
        return new ScopeResolution(
                List.of(TerritoryRef.of(territory, Derivation.ORGANISER)), unresolved);
    }

    private static String pointLabel(GeoPoint point) {
        return point.lat() + "," + point.lon();
    }

    // ---- labels ----

    private List<AreaId> matchLabel(String label, AreaId territory, Set<AreaId> inside) {
        List<String> tokens = Names.tokens(label);
        String key = String.join("", tokens);

        if (WHOLE_TERRITORY.contains(key)) {
            return List.of(territory);
        }
        List<AreaId> found = matchName(key, inside);
        if (!found.isEmpty()) {
            return found;
        }

        // "Toute la métropole", "Tout Paris", "L'ensemble de la ville".
        for (List<String> prefix : WHOLE_PREFIXES) {
            if (startsWith(tokens, prefix) && tokens.size() > prefix.size()) {
                String rest = String.join("", tokens.subList(prefix.size(), tokens.size()));
                if (WHOLE_TERRITORY.contains(rest)
                        || matchName(rest, Set.of(territory)).contains(territory)) {
                    return List.of(territory);
                }
            }
        }

        // "Ville de Mérignac", "Commune du Bouscat".
        if (tokens.size() >= 3 && BODY_WORDS.contains(tokens.get(0))) {
            String link = tokens.get(1);
            String rest = String.join("", tokens.subList(2, tokens.size()));
            String candidate = switch (link) {
                case "de", "d" -> rest;
                case "du" -> "le" + rest;
                case "des" -> "les" + rest;
                default -> "";
            };
            found = candidate.isEmpty() ? List.of() : matchName(candidate, inside);
            if (!found.isEmpty()) {
                return found;
            }
        }

        // "11e" inside a commune with arrondissements.
        Matcher ordinal = ORDINAL_ALONE.matcher(label);
        if (ordinal.matches()) {
            found = matchName(Integer.parseInt(ordinal.group(1)) + "arrondissement", inside);
            if (!found.isEmpty()) {
                return found;
            }
        }

        // "Ariège (09)", "Saint-Denis 93": a trailing département code must agree.
        if (tokens.size() >= 2) {
            String last = tokens.get(tokens.size() - 1).toUpperCase(java.util.Locale.ROOT);
            Optional<Place> departement = AreaId.isValid("fr:departement:" + last)
                    ? gazetteer.findPlace(AreaId.departement(last))
                    : Optional.empty();
            if (departement.isPresent()) {
                AreaId dep = departement.get().id();
                String rest = String.join("", tokens.subList(0, tokens.size() - 1));
                found = matchName(
                        rest,
                        a -> inside.contains(a)
                                && search.findDepartement(a)
                                        .map(d -> d.id().equals(dep))
                                        .orElse(false));
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }

        // "Bordeaux Centre"; in a commune or an EPCI also "Bordeaux Maritime".
        boolean small = isSmall(territory);
        for (int split = tokens.size() - 1; split >= 1; split--) {
            List<String> tail = tokens.subList(split, tokens.size());
            if (LINK_WORDS.contains(tail.get(0))) {
                continue;
            }
            if (!small && !QUALIFIERS.containsAll(tail)) {
                continue;
            }
            String head = String.join("", tokens.subList(0, split));
            if (head.length() >= 3) {
                found = matchName(head, inside);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }

        // One typo in a long enough name.
        if (key.length() >= 6) {
            List<Place> near = search.listFuzzyNameMatches(key, 1).keySet().stream()
                    .filter(p -> inside.contains(p.id()))
                    .toList();
            if (near.size() == 1) {
                return List.of(near.get(0).id());
            }
        }
        return List.of();
    }

    private static boolean startsWith(List<String> tokens, List<String> prefix) {
        return tokens.size() >= prefix.size()
                && tokens.subList(0, prefix.size()).equals(prefix);
    }

    private boolean isSmall(AreaId territory) {
        AreaLevel level = territory.level();
        return level == AreaLevel.COMMUNE
                || level == AreaLevel.ARRONDISSEMENT
                || level == AreaLevel.EPCI;
    }

    /**
     * The places inside the territory having this name key: the single finest one, or all of a
     * group alias ("Paris Centre"); empty when there is none or several homonyms.
     */
    private List<AreaId> matchName(String key, Set<AreaId> inside) {
        return matchName(key, inside::contains);
    }

    private List<AreaId> matchName(String key, Predicate<AreaId> accept) {
        if (key.isEmpty()) {
            return List.of();
        }
        List<PlaceMatch> candidates = search.listExactNameMatches(key).stream()
                .filter(m -> accept.test(m.place().id()))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        AreaLevel finest = candidates.stream()
                .map(m -> search.levelOf(m.place()))
                .min(Enum::compareTo)
                .orElseThrow();
        List<PlaceMatch> atFinest = candidates.stream()
                .filter(m -> search.levelOf(m.place()) == finest)
                .toList();
        if (atFinest.size() == 1) {
            return List.of(atFinest.get(0).place().id());
        }
        String alias = atFinest.get(0).matchedName();
        boolean oneGroup = alias != null
                && atFinest.stream()
                        .allMatch(m ->
                                m.kind() == MatchKind.EXACT_NAME && alias.equals(m.matchedName()));
        if (oneGroup) {
            return atFinest.stream().map(m -> m.place().id()).sorted().toList();
        }
        LOG.debug(
                "Label key {} names {} places inside the territory; left unresolved",
                key,
                atFinest.size());
        return List.of();
    }

    private Set<AreaId> descendantsAndSelf(AreaId territory) {
        Set<AreaId> set = new HashSet<>();
        Deque<AreaId> todo = new ArrayDeque<>();
        todo.add(territory);
        while (!todo.isEmpty()) {
            AreaId id = todo.poll();
            if (set.add(id)) {
                todo.addAll(gazetteer.listChildren(id));
            }
        }
        return Collections.unmodifiableSet(set);
    }

    // ---- addresses ----

    // "12 place Pey-Berland, 33000 Bordeaux": the postcode's communes narrowed by the name.
    private List<AreaId> matchAddress(String address, Set<AreaId> inside) {
        Matcher m = POSTCODE.matcher(address);
        String postcode = null;
        int end = -1;
        while (m.find()) {
            postcode = m.group(1);
            end = m.end();
        }
        String city;
        if (postcode != null) {
            String after = address.substring(end);
            int comma = after.indexOf(',');
            city = comma >= 0 ? after.substring(0, comma) : after;
        } else {
            int comma = address.lastIndexOf(',');
            city = comma >= 0 ? address.substring(comma + 1) : address;
        }
        String cityKey = Names.key(CEDEX.matcher(city).replaceAll(""));

        if (postcode != null) {
            List<Place> candidates = search.listByPostcode(postcode).stream()
                    .filter(p -> inside.contains(p.id()))
                    .toList();
            if (!cityKey.isEmpty()) {
                candidates = candidates.stream()
                        .filter(p -> Names.key(p.name()).equals(cityKey)
                                || (search.levelOf(p) == AreaLevel.ARRONDISSEMENT
                                        && gazetteer
                                                .findPlace(p.parents().get(0))
                                                .map(c -> Names.key(c.name()).equals(cityKey))
                                                .orElse(false)))
                        .toList();
            }
            Optional<Place> arrondissement = candidates.stream()
                    .filter(p -> search.levelOf(p) == AreaLevel.ARRONDISSEMENT)
                    .findFirst();
            if (arrondissement.isPresent()) {
                return List.of(arrondissement.get().id());
            }
            if (candidates.size() == 1) {
                return List.of(candidates.get(0).id());
            }
        }
        return cityKey.isEmpty() ? List.of() : matchName(cityKey, inside);
    }
}
