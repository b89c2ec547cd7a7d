package org.parvis.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parvis.model.AreaId.EU;
import static org.parvis.model.AreaId.FRANCE;
import static org.parvis.model.AreaId.arrondissement;
import static org.parvis.model.AreaId.commune;
import static org.parvis.model.AreaId.departement;
import static org.parvis.model.AreaId.epci;
import static org.parvis.model.AreaId.region;

import org.junit.jupiter.api.Test;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Checks the bundled COG 2026 gazetteer against facts read directly from the JSON files of
 * {@code @etalab/decoupage-administratif} 6.0.0 ({@code data/communes.json}, {@code epci.json},
 * {@code departements.json}, {@code regions.json}), and the file reader against small fixtures.
 */
class FrenchGazetteerTest {

    private static final FrenchGazetteer GAZETTEER = FrenchGazetteer.loadDefault();

    // Bordeaux Métropole's "membres" in epci.json (SIREN 243300316), sorted.
    private static final List<String> BORDEAUX_METROPOLE_MEMBERS = List.of(
            "33003", "33004", "33013", "33032", "33039", "33056", "33063", "33065", "33069",
            "33075", "33096", "33119", "33162", "33167", "33192", "33200", "33249", "33273",
            "33281", "33312", "33318", "33376", "33434", "33449", "33487", "33519", "33522",
            "33550");

    @Test
    void holdsEveryAreaOfTheCog2026() {
        // communes.json: 34,969 records of type commune-actuelle, 45 arrondissement-municipal;
        // epci.json: 1,255 records; departements.json: 109; regions.json: 26.
        assertThat(GAZETTEER.listPlaces(AreaLevel.COMMUNE)).hasSize(34_969);
        assertThat(GAZETTEER.listPlaces(AreaLevel.ARRONDISSEMENT)).hasSize(45);
        assertThat(GAZETTEER.listPlaces(AreaLevel.EPCI)).hasSize(1_255);
        assertThat(GAZETTEER.listPlaces(AreaLevel.DEPARTEMENT)).hasSize(109);
        assertThat(GAZETTEER.listPlaces(AreaLevel.REGION)).hasSize(26);
        assertThat(GAZETTEER.listPlaces(AreaLevel.NATION))
                .extracting(Place::name)
                .containsExactly("France");
        assertThat(GAZETTEER.listPlaces(AreaLevel.EU))
                .extracting(Place::name)
                .containsExactly("Union européenne");
        assertThat(GAZETTEER.listPlaces(AreaLevel.LOCAL)).isEmpty();
        assertThat(GAZETTEER.size()).isEqualTo(34_969 + 45 + 1_255 + 109 + 26 + 2);
    }

    @Test
    void loadingTheDefaultTwiceReturnsTheSameInstance() {
        assertThat(FrenchGazetteer.loadDefault()).isSameAs(GAZETTEER);
        assertThat(GAZETTEER.vintage()).isEqualTo("2026");
    }

    @Test
    void brestNestsInBrestMetropoleFinistereBretagne() {
        Place brest = GAZETTEER.getPlace(commune("29019"));

        assertThat(brest.name()).isEqualTo("Brest");
        assertThat(brest.parents())
                .containsExactly(epci("242900314"), departement("29"), region("53"), FRANCE, EU);
        assertThat(brest.postcodes()).containsExactly("29200");
        assertThat(brest.population()).isEqualTo(142_346L);
        assertThat(GAZETTEER.listParents(commune("29019"))).isEqualTo(brest.parents());
    }

    @Test
    void paris12eNestsInParisAndTheMetropoleDuGrandParis() {
        Place paris12 = GAZETTEER.getPlace(arrondissement("75112"));

        assertThat(paris12.name()).isEqualTo("Paris 12e Arrondissement");
        assertThat(paris12.parents())
                .containsExactly(
                        commune("75056"),
                        epci("200054781"),
                        departement("75"),
                        region("11"),
                        FRANCE,
                        EU);
        assertThat(paris12.postcodes()).containsExactly("75012");
        assertThat(paris12.population()).isEqualTo(138_024L);
    }

    @Test
    void bordeauxAndMerignacShareBordeauxMetropole() {
        List<AreaId> bordeaux = GAZETTEER.listParents(commune("33063"));
        List<AreaId> merignac = GAZETTEER.listParents(commune("33281"));

        assertThat(bordeaux)
                .containsExactly(epci("243300316"), departement("33"), region("75"), FRANCE, EU);
        assertThat(merignac).isEqualTo(bordeaux);
        assertThat(GAZETTEER.getPlace(commune("33063")).postcodes())
                .containsExactly("33000", "33100", "33200", "33300", "33800");
    }

    @Test
    void bordeauxMetropoleHasItsTwentyEightMembersAndLiesInGironde() {
        Place metropole = GAZETTEER.getPlace(epci("243300316"));

        assertThat(metropole.name()).isEqualTo("Bordeaux Métropole");
        assertThat(metropole.parents())
                .containsExactly(departement("33"), region("75"), FRANCE, EU);
        // epci.json: populationMunicipale 843738.
        assertThat(metropole.population()).isEqualTo(843_738L);
        assertThat(GAZETTEER.listChildren(epci("243300316")))
                .containsExactlyElementsOf(
                        BORDEAUX_METROPOLE_MEMBERS.stream().map(AreaId::commune).toList());
        assertThat(GAZETTEER.listChildren(departement("33")))
                .contains(epci("243300316"), commune("33063"));
    }

    @Test
    void islandCommunesOutsideAnyEpciGoStraightToTheirDepartement() {
        // The four metropolitan communes absent from every epci.json "membres" list.
        for (String code : List.of("29083", "29155", "22016", "85113")) {
            List<AreaId> parents = GAZETTEER.listParents(commune(code));

            assertThat(parents).as(code).hasSize(4).noneMatch(id -> id.level() == AreaLevel.EPCI);
            assertThat(parents.get(0)).as(code).isEqualTo(departement(code.substring(0, 2)));
        }
        assertThat(GAZETTEER.getPlace(commune("29083")).name()).isEqualTo("Île-de-Sein");
        assertThat(GAZETTEER.getPlace(commune("29155")).name()).isEqualTo("Ouessant");
    }

    @Test
    void onlyTheNinetyEightCommunesOutsideEpcisLackAnEpciParent() {
        // 34,969 current communes; 34,871 appear in some EPCI's "membres" (94 COM + 4 islands do
        // not).
        long withoutEpci = GAZETTEER.listPlaces(AreaLevel.COMMUNE).stream()
                .filter(place -> place.parents().get(0).level() != AreaLevel.EPCI)
                .count();

        assertThat(withoutEpci).isEqualTo(98);
    }

    @Test
    void corsicanCommunesUseTheir2A2BDepartements() {
        assertThat(GAZETTEER.listParents(commune("2A004")))
                .containsExactly(epci("242010056"), departement("2A"), region("94"), FRANCE, EU);
        assertThat(GAZETTEER.getPlace(commune("2A004")).name()).isEqualTo("Ajaccio");
        assertThat(GAZETTEER.listChildren(region("94")))
                .contains(departement("2A"), departement("2B"));
    }

    @Test
    void overseasCommunesNestInTheirDromAndCom() {
        assertThat(GAZETTEER.listParents(commune("97105")))
                .containsExactly(epci("249710070"), departement("971"), region("01"), FRANCE, EU);
        assertThat(GAZETTEER.listParents(commune("97411")))
                .containsExactly(epci("249740119"), departement("974"), region("04"), FRANCE, EU);
        assertThat(GAZETTEER.getPlace(region("04")).name()).isEqualTo("La Réunion");
        // Saint-Pierre-et-Miquelon is a COM: code 975 is both its département and its région.
        assertThat(GAZETTEER.listParents(commune("97502")))
                .containsExactly(departement("975"), region("975"), FRANCE, EU);
    }

    @Test
    void epciAcrossTwoDepartementsOfOneRegionHangsFromTheRegion() {
        // CA Beaune, Côte et Sud (200006682): members in 21 and 71, both in région 27.
        AreaId beaune = epci("200006682");

        assertThat(GAZETTEER.listParents(beaune)).containsExactly(region("27"), FRANCE, EU);
        assertThat(GAZETTEER.listChildren(region("27"))).contains(beaune);
        assertThat(GAZETTEER.listChildren(departement("21"))).doesNotContain(beaune);
        assertThat(GAZETTEER.listChildren(departement("71"))).doesNotContain(beaune);
    }

    @Test
    void epciAcrossTwoRegionsHangsFromFranceOnly() {
        // CC d'Aire-sur-l'Adour (200030435): members in 32 (région 76) and 40 (région 75).
        AreaId aire = epci("200030435");

        assertThat(GAZETTEER.listParents(aire)).containsExactly(FRANCE, EU);
        assertThat(GAZETTEER.listChildren(region("75"))).doesNotContain(aire);
        assertThat(GAZETTEER.listChildren(region("76"))).doesNotContain(aire);
        assertThat(GAZETTEER.listChildren(FRANCE)).doesNotContain(aire);
    }

    @Test
    void eightyNineEpcisCrossADepartementBorderAndTwentySixARegionBorder() {
        // Counted from epci.json members' départements and régions in communes.json.
        List<Place> epcis = GAZETTEER.listPlaces(AreaLevel.EPCI);

        assertThat(epcis.stream()
                        .filter(p -> p.parents().get(0).level() != AreaLevel.DEPARTEMENT)
                        .count())
                .isEqualTo(89);
        assertThat(epcis.stream()
                        .filter(p -> p.parents().get(0).level() == AreaLevel.NATION)
                        .count())
                .isEqualTo(26);
    }

    @Test
    void topOfTheTreeIsFranceInsideTheEu() {
        assertThat(GAZETTEER.listParents(EU)).isEmpty();
        assertThat(GAZETTEER.listParents(FRANCE)).containsExactly(EU);
        assertThat(GAZETTEER.listParents(region("53"))).containsExactly(FRANCE, EU);
        assertThat(GAZETTEER.listParents(departement("29")))
                .containsExactly(region("53"), FRANCE, EU);
        assertThat(GAZETTEER.listChildren(EU)).containsExactly(FRANCE);
        assertThat(GAZETTEER.listChildren(FRANCE))
                .hasSize(26)
                .allMatch(id -> id.level() == AreaLevel.REGION)
                .contains(region("01"), region("94"), region("989"));
    }

    @Test
    void communesWithArrondissementsListThemAsChildren() {
        assertThat(GAZETTEER.listChildren(commune("75056")))
                .containsExactlyElementsOf(IntStream.rangeClosed(75101, 75120)
                        .mapToObj(code -> arrondissement(Integer.toString(code)))
                        .toList());
        assertThat(GAZETTEER.listChildren(commune("13055"))).hasSize(16);
        assertThat(GAZETTEER.listChildren(commune("69123")))
                .containsExactlyElementsOf(IntStream.rangeClosed(69381, 69389)
                        .mapToObj(code -> arrondissement(Integer.toString(code)))
                        .toList());
        assertThat(GAZETTEER.listChildren(commune("29019"))).isEmpty();
        assertThat(GAZETTEER.listChildren(arrondissement("75112"))).isEmpty();
    }

    @Test
    void everyChildNamesItsParentAndListsAreSortedById() {
        for (AreaLevel level : AreaLevel.values()) {
            List<Place> places = GAZETTEER.listPlaces(level);
            assertThat(places).extracting(Place::id).isSortedAccordingTo(Comparator.naturalOrder());

            for (Place place : places) {
                List<AreaId> children = GAZETTEER.listChildren(place.id());
                assertThat(children)
                        .as(place.id().value())
                        .isSortedAccordingTo(Comparator.naturalOrder());
                for (AreaId child : children) {
                    assertThat(GAZETTEER.listParents(child))
                            .as("parents of %s", child)
                            .contains(place.id());
                }
                for (AreaId parent : place.parents()) {
                    assertThat(GAZETTEER.findPlace(parent))
                            .as("parent %s of %s", parent, place.id())
                            .isPresent();
                }
            }
        }
    }

    @Test
    void parentsGoFromFinestToBroadest() {
        for (AreaLevel level :
                List.of(AreaLevel.ARRONDISSEMENT, AreaLevel.COMMUNE, AreaLevel.EPCI)) {
            for (Place place : GAZETTEER.listPlaces(level)) {
                List<AreaLevel> levels =
                        place.parents().stream().map(AreaId::level).collect(Collectors.toList());
                assertThat(levels)
                        .as(place.id().value())
                        .isSorted()
                        .endsWith(AreaLevel.NATION, AreaLevel.EU);
            }
        }
    }

    @Test
    void unknownAreasAreAbsentAndGetPlaceNamesThem() {
        AreaId unknown = commune("99999");

        assertThat(GAZETTEER.findPlace(unknown)).isEmpty();
        assertThat(GAZETTEER.listParents(unknown)).isEmpty();
        assertThat(GAZETTEER.listChildren(unknown)).isEmpty();
        assertThatThrownBy(() -> GAZETTEER.getPlace(unknown))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("fr:commune:99999");
    }

    @Test
    void namesKeepTheirAccents() {
        assertThat(GAZETTEER.getPlace(commune("42218")).name()).isEqualTo("Saint-Étienne");
        assertThat(GAZETTEER.getPlace(region("11")).name()).isEqualTo("Île-de-France");
        assertThat(GAZETTEER.getPlace(commune("33281")).name()).isEqualTo("Mérignac");
    }

    @Test
    void populationIsAbsentWhereTheCogHasNone() {
        // communes.json has no population for the TAAF districts (98411–98415) nor Clipperton
        // (98901).
        assertThat(GAZETTEER.getPlace(commune("98411")).population()).isNull();
        assertThat(GAZETTEER.getPlace(commune("98901")).population()).isNull();
        assertThat(GAZETTEER.getPlace(departement("984")).population()).isNull();
        assertThat(GAZETTEER.getPlace(region("984")).population()).isNull();
        assertThat(GAZETTEER.getPlace(FRANCE).population()).isNull();
    }

    @Test
    void formerCommunesPointToTodaysCommune() {
        List<FormerCommune> formers = GAZETTEER.listFormerCommunes();

        // communes.json: 2,105 commune-deleguee and 471 commune-associee records.
        assertThat(formers.stream().filter(f -> f.type().equals(FormerCommune.DELEGUEE)))
                .hasSize(2_105);
        assertThat(formers.stream().filter(f -> f.type().equals(FormerCommune.ASSOCIEE)))
                .hasSize(471);
        assertThat(formers)
                .contains(new FormerCommune(
                        "01015", "Arbignieu", FormerCommune.DELEGUEE, commune("01015")))
                .contains(new FormerCommune(
                        "01120", "Cordieux", FormerCommune.ASSOCIEE, commune("01262")))
                // Brest's anciensCodes 29096, 29253, 29258 have no name in the package.
                .contains(new FormerCommune(
                        "29096", null, FormerCommune.ANCIEN_CODE, commune("29019")))
                .contains(new FormerCommune(
                        "20004", null, FormerCommune.ANCIEN_CODE, commune("2A004")));
        // 01015 is already the commune déléguée Arbignieu of 01015: no second ancien-code entry.
        assertThat(formers)
                .noneMatch(f ->
                        f.code().equals("01015") && f.type().equals(FormerCommune.ANCIEN_CODE));
    }

    @Test
    void communesAndEpcisAreFoundBySiren() {
        // communes.json: Brest has siren 212900195; epci.json: Brest Métropole is 242900314.
        assertThat(GAZETTEER.findPlaceBySiren("212900195"))
                .map(Place::id)
                .contains(commune("29019"));
        assertThat(GAZETTEER.findPlaceBySiren("242900314"))
                .map(Place::id)
                .contains(epci("242900314"));
        assertThat(GAZETTEER.findSiren(commune("29019"))).contains("212900195");
        assertThat(GAZETTEER.findPlaceBySiren("000000000")).isEmpty();
        // The communes of overseas collectivities have no SIREN in the package.
        assertThat(GAZETTEER.findSiren(commune("97502"))).isEmpty();
    }

    @Test
    void aFormerCommuneMustPointToACurrentCommune() {
        assertThatThrownBy(() -> new FormerCommune(
                        "29096", null, FormerCommune.ANCIEN_CODE, epci("242900314")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr:epci:242900314");
        assertThatThrownBy(() -> new FormerCommune("29096", null, "fusion", commune("29019")))
                .hasMessageContaining("'fusion'")
                .hasMessageContaining("commune-deleguee");
    }

    @Test
    void departementAndRegionPopulationsAreTheSumOfTheirCommunes() throws IOException {
        FrenchGazetteer small = read(
                HEADER,
                "R\t53\tBretagne",
                "D\t22\tCôtes-d'Armor\t53",
                "D\t29\tFinistère\t53",
                "E\t242900314\tBrest Métropole\tMETRO\t213403",
                "C\t29019\tBrest\t29\t53\t142346\t29200\t242900314\t212900195",
                "C\t29155\tOuessant\t29\t53\t860\t29242\t\t212901557",
                // Population left out on purpose: one missing figure makes the totals unknown.
                "C\t22016\tÎle-de-Bréhat\t22\t53\t\t22870\t\t212200166");

        assertThat(small.getPlace(departement("29")).population()).isEqualTo(143_206L);
        assertThat(small.getPlace(departement("22")).population()).isNull();
        assertThat(small.getPlace(region("53")).population()).isNull();
        assertThat(small.listChildren(departement("29")))
                .containsExactly(commune("29019"), commune("29155"), epci("242900314"));
    }

    @Test
    void aFileWithoutTheHeaderIsRejected() {
        assertThatThrownBy(() -> read("R\t53\tBretagne"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.tsv line 1")
                .hasMessageContaining("#parvis-fr-areas")
                .hasMessageContaining("scripts/build-gazetteer.py");
    }

    @Test
    void aMalformedLineIsReportedByNumber() {
        assertThatThrownBy(() -> read(
                        HEADER, "R\t53\tBretagne", "D\t29\tFinistère\t53", "C\t29019\tBrest\t29"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.tsv line 4")
                .hasMessageContaining("has 9 tab-separated fields, this one has 4");
        assertThatThrownBy(() -> read(
                        HEADER,
                        "R\t53\tBretagne",
                        "D\t29\tFinistère\t53",
                        "E\t242900314\tX\tCA\tmany"))
                .hasMessageContaining("line 4")
                .hasMessageContaining("population 'many'");
    }

    @Test
    void aCommuneInAnUnknownDepartementIsRejected() {
        assertThatThrownBy(() -> read(
                        HEADER, "R\t53\tBretagne", "C\t29019\tBrest\t29\t53\t142346\t29200\t\t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("commune 29019 refers to unknown département 29");
    }

    @Test
    void aFormerCommuneOfAnUnknownCommuneIsRejected() {
        assertThatThrownBy(() -> read(
                        HEADER,
                        "R\t53\tBretagne",
                        "D\t29\tFinistère\t53",
                        "F\tancien-code\t29096\t\t29019"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("former commune 29096 refers to unknown commune 29019");
    }

    private static final String HEADER =
            "#parvis-fr-areas\tformat=1\tcog=2026\tsource=@etalab/decoupage-administratif@6.0.0";

    private static FrenchGazetteer read(String... lines) throws IOException {
        return FrenchGazetteer.read(
                new BufferedReader(new StringReader(String.join("\n", lines))), "test.tsv");
    }
}
