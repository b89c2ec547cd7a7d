package org.parvis.bench;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.territory.Gazetteer;
import org.parvis.territory.Place;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Draws the questions residents ask: 82 % around a commune (drawn in proportion to population), 8 %
 * around a municipal arrondissement (Paris, Lyon, Marseille) and 10 % within a département; each
 * with no theme (40 %), one (30 %), two (20 %) or three (10 %), drawn like the themes of processes.
 *
 * <p>Immutable and thread-safe: each call draws from its own random source.
 */
final class QueryGenerator {

    private final WeightedChoice<Place> communes;
    private final @Nullable WeightedChoice<Place> arrondissements;
    private final WeightedChoice<Place> departements;
    private final WeightedChoice<String> themes =
            WeightedChoice.of(SyntheticProcesses.THEMES, SyntheticProcesses.THEME_WEIGHTS::get);

    QueryGenerator(Gazetteer gazetteer) {
        this.communes = WeightedChoice.of(
                gazetteer.listPlaces(AreaLevel.COMMUNE), SyntheticProcesses::population);
        List<Place> arrondissementList = gazetteer.listPlaces(AreaLevel.ARRONDISSEMENT);
        this.arrondissements = arrondissementList.isEmpty()
                ? null
                : WeightedChoice.of(arrondissementList, SyntheticProcesses::population);
        this.departements = WeightedChoice.uniform(gazetteer.listPlaces(AreaLevel.DEPARTEMENT));
    }

    List<BenchQuery> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            queries.add(next(random));
        }
        return queries;
    }

    private BenchQuery next(SplittableRandom random) {
        int roll = random.nextInt(100);
        AreaId place;
        FeedQuery.Scope scope = FeedQuery.Scope.AROUND;
        if (roll < 10) {
            place = departements.next(random).id();
            scope = FeedQuery.Scope.WITHIN;
        } else if (roll < 18 && arrondissements != null) {
            place = arrondissements.next(random).id();
        } else {
            place = communes.next(random).id();
        }

        int themeRoll = random.nextInt(100);
        int themeCount = themeRoll < 40 ? 0 : themeRoll < 70 ? 1 : themeRoll < 90 ? 2 : 3;
        Set<String> chosen = new TreeSet<>();
        while (chosen.size() < themeCount) {
            chosen.add(themes.next(random));
        }
        return new BenchQuery(place, scope, chosen);
    }
}
