package org.parvis.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.feed.FeedForTest.slugs;
import static org.parvis.index.GazetteerForTest.BORDEAUX;
import static org.parvis.index.GazetteerForTest.BORDEAUX_METROPOLE;
import static org.parvis.index.GazetteerForTest.DORDOGNE;
import static org.parvis.index.GazetteerForTest.EU;
import static org.parvis.index.GazetteerForTest.FRANCE;
import static org.parvis.index.GazetteerForTest.GIRONDE;
import static org.parvis.index.GazetteerForTest.GRAND_PERIGUEUX;
import static org.parvis.index.GazetteerForTest.MARSEILLE;
import static org.parvis.index.GazetteerForTest.MERIGNAC;
import static org.parvis.index.GazetteerForTest.NOUVELLE_AQUITAINE;
import static org.parvis.index.GazetteerForTest.PARIS;
import static org.parvis.index.GazetteerForTest.PARIS_12;
import static org.parvis.index.GazetteerForTest.PERIGUEUX;
import static org.parvis.index.GazetteerForTest.PESSAC;
import static org.parvis.index.ProcessesForTest.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parvis.feed.FeedForTest.Query;
import org.parvis.model.AreaId;
import org.parvis.model.Derivation;
import org.parvis.model.TerritoryRef;
import org.parvis.territory.Place;

import java.util.List;
import java.util.NoSuchElementException;

/** Scope around (the place and its ancestors) against scope within (the place and inside it). */
class FeedScopeTest {

    private final FeedForTest feed = new FeedForTest(List.of(
            process("bordeaux-velo", BORDEAUX).build(),
            process("metropole-tram", BORDEAUX_METROPOLE).build(),
            process("gironde-colleges", GIRONDE).build(),
            process("aquitaine-lycees", NOUVELLE_AQUITAINE).build(),
            process("france-energie", FRANCE).build(),
            process("europe-climat", EU).build(),
            process("pessac-parc", PESSAC).build(),
            process("merignac-aeroport", MERIGNAC).build(),
            process("dordogne-routes", DORDOGNE).build(),
            process("perigord-agglo", GRAND_PERIGUEUX).build(),
            process("perigueux-marche", PERIGUEUX).build(),
            process("paris-budget", PARIS).build(),
            process("paris12-jardin", PARIS_12).build(),
            process("marseille-port", MARSEILLE).build(),
            // Two territories: the item is in both communes.
            process("pessac-merignac-piste", PESSAC)
                    .addTerritory(TerritoryRef.of(MERIGNAC, Derivation.DECLARED))
                    .build(),
            process("quartier-saint-michel", AreaId.parse("local:test-decidim:Saint-Michel"))
                    .build()));

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void aroundACommuneSeesItsCommuneAndEveryEnclosingAreaButNoNeighbour() {
        FeedResult result = feed.query(Query.around(BORDEAUX));

        assertThat(slugs(result))
                .containsExactlyInAnyOrder(
                        "bordeaux-velo",
                        "metropole-tram",
                        "gironde-colleges",
                        "aquitaine-lycees",
                        "france-energie",
                        "europe-climat");
        assertThat(result.total()).isEqualTo(6);
    }

    @Test
    void aroundAnotherCommuneOfTheSameEpciSharesOnlyTheEnclosingItems() {
        FeedResult result = feed.query(Query.around(PESSAC));

        assertThat(slugs(result))
                .containsExactlyInAnyOrder(
                        "pessac-parc",
                        "pessac-merignac-piste",
                        "metropole-tram",
                        "gironde-colleges",
                        "aquitaine-lycees",
                        "france-energie",
                        "europe-climat");
    }

    @Test
    void aroundAnArrondissementSeesItsCommuneAndTheMetropole() {
        assertThat(slugs(feed.query(Query.around(PARIS_12))))
                .containsExactlyInAnyOrder(
                        "paris12-jardin", "paris-budget", "france-energie", "europe-climat");
    }

    @Test
    void aroundADepartementDoesNotSeeItsCommunes() {
        assertThat(slugs(feed.query(Query.around(GIRONDE))))
                .containsExactlyInAnyOrder(
                        "gironde-colleges", "aquitaine-lycees", "france-energie", "europe-climat");
    }

    @Test
    void withinADepartementSeesEverythingInsideButNothingAboveIt() {
        assertThat(slugs(feed.query(Query.within(GIRONDE))))
                .containsExactlyInAnyOrder(
                        "gironde-colleges",
                        "metropole-tram",
                        "bordeaux-velo",
                        "pessac-parc",
                        "merignac-aeroport",
                        "pessac-merignac-piste");
    }

    @Test
    void withinAnEpciSeesItsMemberCommunes() {
        assertThat(slugs(feed.query(Query.within(BORDEAUX_METROPOLE))))
                .containsExactlyInAnyOrder(
                        "metropole-tram",
                        "bordeaux-velo",
                        "pessac-parc",
                        "merignac-aeroport",
                        "pessac-merignac-piste");
    }

    @Test
    void withinARegionSeesBothOfItsDepartements() {
        assertThat(slugs(feed.query(Query.within(NOUVELLE_AQUITAINE))))
                .containsExactlyInAnyOrder(
                        "aquitaine-lycees",
                        "gironde-colleges",
                        "metropole-tram",
                        "bordeaux-velo",
                        "pessac-parc",
                        "merignac-aeroport",
                        "pessac-merignac-piste",
                        "dordogne-routes",
                        "perigord-agglo",
                        "perigueux-marche");
    }

    @Test
    void withinACommuneSeesItsArrondissements() {
        assertThat(slugs(feed.query(Query.within(PARIS))))
                .containsExactlyInAnyOrder("paris-budget", "paris12-jardin");
    }

    @Test
    void withinFranceSeesEveryFrenchItemButNotEuropeNorUnmappedLabels() {
        assertThat(slugs(feed.query(Query.within(FRANCE))))
                .hasSize(14)
                .doesNotContain("europe-climat", "quartier-saint-michel");
    }

    @Test
    void resultCarriesThePlaceAndItsParentsFinestFirst() {
        FeedResult result = feed.query(Query.around(MERIGNAC));

        assertThat(result.place().name()).isEqualTo("Mérignac");
        assertThat(result.parents())
                .extracting(Place::id)
                .containsExactly(BORDEAUX_METROPOLE, GIRONDE, NOUVELLE_AQUITAINE, FRANCE, EU);
    }

    @Test
    void unknownPlaceIsRejectedNamingTheArea() {
        assertThatThrownBy(() -> feed.query(Query.around(AreaId.commune("33999"))))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("fr:commune:33999");
    }
}
