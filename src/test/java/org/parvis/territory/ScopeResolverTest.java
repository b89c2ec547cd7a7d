package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.model.AreaId.arrondissement;
import static org.parvis.model.AreaId.commune;
import static org.parvis.model.AreaId.departement;
import static org.parvis.model.AreaId.epci;
import static org.parvis.model.AreaId.region;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parvis.model.AreaId;
import org.parvis.model.Derivation;
import org.parvis.model.GeoPoint;
import org.parvis.model.TerritoryRef;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scope resolution on scope names as Decidim, CAP Collectif and Consul instances spell them, with
 * the real gazetteer and the real 2018 contours of six communes of Bordeaux Métropole.
 */
class ScopeResolverTest {

    private static final AreaId BORDEAUX_METROPOLE = epci("243300316");
    private static final AreaId NANTES = commune("44109");
    private static final AreaId PARIS = commune("75056");
    private static final AreaId OCCITANIE = region("76");

    private static ContourIndex contours;

    @BeforeAll
    static void loadContourExcerpt() {
        contours = ContourIndex.importGeoJson(
                TerritoryFixtures.resource("gironde-contours-2018-excerpt.geojson"),
                TerritoryFixtures.gazetteer());
    }

    private static ScopeResolver resolver(UnresolvedScopes registry) {
        return ScopeResolver.create(TerritoryFixtures.search(), Optional.of(contours), registry);
    }

    private static ScopeResolution resolve(AreaId organiser, String... labels) {
        return resolver(new UnresolvedScopes())
                .resolve(ScopeInput.ofLabels("test-source", organiser, labels));
    }

    private static List<AreaId> areas(ScopeResolution resolution) {
        return resolution.areas().stream().map(TerritoryRef::area).toList();
    }

    @Nested
    class DecidimScopesOfBordeauxMetropole {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Mérignac,                 33281",
            "MERIGNAC,                 33281",
            "Ville de Mérignac,        33281",
            "Le Bouscat,               33069",
            "Commune du Bouscat,       33069",
            "Saint-Médard-en-Jalles,   33449",
            "St Médard en Jalles,      33449",
            "Saint Medard en Jalle,    33449",
            "Bordeaux,                 33063",
            "Bordeaux Centre,          33063",
            "Bordeaux Maritime,        33063",
            "Pessac Centre,            33318"
        })
        void aCommuneNameInsideTheMetropoleIsMapped(String label, String code) {
            ScopeResolution resolution = resolve(BORDEAUX_METROPOLE, label);

            assertThat(resolution.areas())
                    .containsExactly(new TerritoryRef(commune(code), Derivation.MAPPED, label));
            assertThat(resolution.unresolvedLabels()).isEmpty();
        }

        @Test
        void aNeighbourhoodStaysAtTheMetropoleAndIsReportedOnce() {
            UnresolvedScopes registry = new UnresolvedScopes();
            ScopeResolver resolver = resolver(registry);

            ScopeResolution first = resolver.resolve(ScopeInput.ofLabels(
                    "bordeaux-decidim", BORDEAUX_METROPOLE, "Quartier Bastide"));
            resolver.resolve(ScopeInput.ofLabels(
                    "bordeaux-decidim", BORDEAUX_METROPOLE, "quartier bastide"));

            assertThat(first.areas())
                    .containsExactly(TerritoryRef.of(BORDEAUX_METROPOLE, Derivation.ORGANISER));
            assertThat(first.unresolvedLabels()).containsExactly("Quartier Bastide");
            assertThat(registry.list("bordeaux-decidim")).singleElement().satisfies(s -> {
                assertThat(s.label()).isEqualTo("Quartier Bastide");
                assertThat(s.enclosingArea()).isEqualTo(BORDEAUX_METROPOLE);
            });
        }

        @Test
        void theMetropoleAsAWholeIsTheOrganiserTerritory() {
            for (String label : List.of("Métropole", "Toute la métropole", "Bordeaux Métropole")) {
                assertThat(resolve(BORDEAUX_METROPOLE, label).areas())
                        .as(label)
                        .containsExactly(
                                new TerritoryRef(BORDEAUX_METROPOLE, Derivation.MAPPED, label));
            }
        }

        @Test
        void aPlaceOutsideTheMetropoleIsNeverChosen() {
            // Paris, and Saint-Denis's many homonyms, all lie outside Bordeaux Métropole.
            ScopeResolution resolution =
                    resolve(BORDEAUX_METROPOLE, "Paris", "Saint-Denis", "Lormont Nord");

            assertThat(areas(resolution)).containsExactly(commune("33249"));
            assertThat(resolution.unresolvedLabels()).containsExactly("Paris", "Saint-Denis");
        }

        @Test
        void severalCommunesGiveSeveralAreasAndThemesAreNotPlaces() {
            ScopeResolution resolution =
                    resolve(BORDEAUX_METROPOLE, "Mérignac", "Mobilité", "Pessac");

            assertThat(areas(resolution)).containsExactly(commune("33281"), commune("33318"));
            assertThat(resolution.unresolvedLabels()).containsExactly("Mobilité");
        }
    }

    @Nested
    class PointsAndAddresses {

        @Test
        void aNeighbourhoodWithCoordinatesIsPlacedByItsPoint() {
            // La Bastide, on the right bank of the Garonne, is part of Bordeaux.
            ScopeResolution resolution = resolver(new UnresolvedScopes())
                    .resolve(new ScopeInput(
                            "bordeaux-decidim",
                            BORDEAUX_METROPOLE,
                            List.of("Quartier Bastide"),
                            new GeoPoint(44.8408, -0.5590),
                            null));

            assertThat(resolution.areas())
                    .containsExactly(new TerritoryRef(
                            commune("33063"), Derivation.GEOMETRY, "44.8408,-0.559"));
            assertThat(resolution.unresolvedLabels()).containsExactly("Quartier Bastide");
        }

        @Test
        void aPointOutsideTheOrganiserTerritoryIsIgnored() {
            ScopeResolution resolution = resolver(new UnresolvedScopes())
                    .resolve(new ScopeInput(
                            "mairie-merignac",
                            commune("33281"),
                            List.of(),
                            new GeoPoint(44.83776, -0.57947),
                            null));

            assertThat(resolution.areas())
                    .containsExactly(TerritoryRef.of(commune("33281"), Derivation.ORGANISER));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "Place Pey-Berland, 33000 Bordeaux|fr:epci:243300316|fr:commune:33063",
                    "60 avenue du Maréchal de Lattre de Tassigny, 33700 "
                            + "MERIGNAC|fr:epci:243300316|fr:commune:33281",
                    "Salle des fêtes, Le Haillan|fr:epci:243300316|fr:commune:33200",
                    "Hôtel de ville, 33045 Bordeaux Cedex|fr:epci:243300316|fr:commune:33063",
                    "Mairie du 12e, 130 avenue Daumesnil, 75012 "
                            + "Paris|fr:commune:75056|fr:arrondissement:75112",
                    "1 place de l'Hôtel de Ville, 93200 "
                            + "Saint-Denis|fr:departement:93|fr:commune:93066"
                })
        void anAddressIsPlacedByItsPostcodeAndCommuneName(
                String address, String organiser, String expected) {
            ScopeResolution resolution = resolver(new UnresolvedScopes())
                    .resolve(new ScopeInput(
                            "meetings", AreaId.parse(organiser), List.of(), null, address));

            assertThat(resolution.areas())
                    .containsExactly(
                            new TerritoryRef(AreaId.parse(expected), Derivation.MAPPED, address));
        }

        @Test
        void anAddressOutsideTheTerritoryFallsBackToTheOrganiser() {
            ScopeResolution resolution = resolver(new UnresolvedScopes())
                    .resolve(new ScopeInput(
                            "meetings",
                            NANTES,
                            List.of(),
                            null,
                            "Place Pey-Berland, 33000 Bordeaux"));

            assertThat(resolution.areas())
                    .containsExactly(TerritoryRef.of(NANTES, Derivation.ORGANISER));
        }
    }

    @Nested
    class CapCollectifDistricts {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "Île de Nantes",
            "Malakoff Saint-Donatien",
            "Hauts-Pavés Saint-Félix",
            "Dervallières Zola",
            "Centre ville"
        })
        void nantesNeighbourhoodsStayAtNantes(String district) {
            // "Malakoff" is also a commune of Hauts-de-Seine: it must not pull the item there.
            ScopeResolution resolution = resolve(NANTES, district);

            assertThat(resolution.areas())
                    .containsExactly(TerritoryRef.of(NANTES, Derivation.ORGANISER));
            assertThat(resolution.unresolvedLabels()).containsExactly(district);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Ariège, 09",
            "Aude, 11",
            "Haute-Garonne, 31",
            "Hautes-Pyrénées (65), 65",
            "lozere, 48",
            "Gard, 30"
        })
        void aRegionalBudgetsDistrictsAreItsDepartements(String district, String code) {
            assertThat(areas(resolve(OCCITANIE, district))).containsExactly(departement(code));
        }

        @Test
        void aDepartementOfAnotherRegionIsNotMatched() {
            assertThat(resolve(OCCITANIE, "Gironde").unresolvedLabels()).containsExactly("Gironde");
        }
    }

    @Nested
    class ConsulGeozones {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Paris 11e,            75111",
            "11e arrondissement,   75111",
            "11e,                  75111",
            "Paris 20,             75120",
            "1er arrondissement,   75101"
        })
        void parisArrondissementsAreMapped(String geozone, String code) {
            assertThat(areas(resolve(PARIS, geozone))).containsExactly(arrondissement(code));
        }

        @Test
        void parisCentreIsItsFourArrondissements() {
            assertThat(areas(resolve(PARIS, "Paris Centre")))
                    .containsExactly(
                            arrondissement("75101"),
                            arrondissement("75102"),
                            arrondissement("75103"),
                            arrondissement("75104"));
        }

        @Test
        void toutParisIsTheCommune() {
            assertThat(resolve(PARIS, "Tout Paris").areas())
                    .containsExactly(new TerritoryRef(PARIS, Derivation.MAPPED, "Tout Paris"));
        }

        @Test
        void aMadridGeozoneMatchesNothingInParis() {
            ScopeResolution resolution = resolve(PARIS, "Chamberí");

            assertThat(resolution.areas())
                    .containsExactly(TerritoryRef.of(PARIS, Derivation.ORGANISER));
            assertThat(resolution.unresolvedLabels()).containsExactly("Chamberí");
        }
    }

    @Nested
    class Configuration {

        @Test
        void aConfiguredMappingWinsAndIsNotReportedAsUnresolved() {
            UnresolvedScopes registry = new UnresolvedScopes();
            ScopeResolver resolver = resolver(registry)
                    .withMappings("bordeaux-decidim", Map.of("quartier bastide", commune("33063")));

            ScopeResolution resolution = resolver.resolve(ScopeInput.ofLabels(
                    "bordeaux-decidim", BORDEAUX_METROPOLE, "Quartier Bastide"));

            assertThat(resolution.areas())
                    .containsExactly(new TerritoryRef(
                            commune("33063"), Derivation.MANUAL, "Quartier Bastide"));
            assertThat(registry.listAll()).isEmpty();
            // Another source's label of the same name is not mapped.
            assertThat(resolver.resolve(ScopeInput.ofLabels(
                                    "other", BORDEAUX_METROPOLE, "Quartier Bastide"))
                            .unresolvedLabels())
                    .containsExactly("Quartier Bastide");
        }

        @Test
        void aMappingToAnUnknownAreaIsRejectedNamingTheLabel() {
            ScopeResolver resolver = resolver(new UnresolvedScopes());

            assertThatThrownBy(() -> resolver.withMappings(
                            "s", Map.of("Quartier Bastide", commune("99999"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'Quartier Bastide'")
                    .hasMessageContaining("fr:commune:99999");
        }

        @Test
        void anUnknownOrganiserTerritoryIsRejected() {
            assertThatThrownBy(() -> resolve(commune("99999"), "Mérignac"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("test-source")
                    .hasMessageContaining("fr:commune:99999");
        }

        @Test
        void withoutLabelsPointOrAddressTheItemIsAtTheOrganiserTerritory() {
            assertThat(resolve(BORDEAUX_METROPOLE).areas())
                    .containsExactly(TerritoryRef.of(BORDEAUX_METROPOLE, Derivation.ORGANISER));
        }

        @Test
        void unresolvedLabelsCarryTheTimeTheyWereFirstSeen() {
            Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
            UnresolvedScopes registry = new UnresolvedScopes(clock);

            resolver(registry)
                    .resolve(ScopeInput.ofLabels("nantes-capco", NANTES, "Dervallières Zola"));

            assertThat(registry.listAll())
                    .singleElement()
                    .satisfies(s -> assertThat(s.firstSeen()).isEqualTo(clock.instant()));
        }
    }
}
