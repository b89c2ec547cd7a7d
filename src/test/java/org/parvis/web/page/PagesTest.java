package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parvis.model.Contribution;
import org.parvis.model.ContributionKind;
import org.parvis.model.Json;

import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages, feeds and their safety over real HTTP against a node filled by harvesting the sample
 * platform and a hostile one.
 */
class PagesTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");
    private static final Pattern EVENT_HANDLER =
            Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final String BORDEAUX_FEED = "/feed?place=fr:commune:33063";

    private static PageFixture node;

    @BeforeAll
    static void start() {
        node = new PageFixture();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void homeIsFrenchByDefaultEnglishFromAcceptLanguageAndTheSwitchWins() {
        PageFixture.Answer french = node.get("/");
        PageFixture.Answer english = node.get("/", "Accept-Language", "en-GB,en;q=0.9,fr;q=0.5");
        PageFixture.Answer switched = node.get("/?lang=fr", "Accept-Language", "en");

        assertThat(french.status()).isEqualTo(200);
        assertThat(french.body())
                .contains("<html lang=\"fr\">", "Votre commune ou votre code postal");
        assertThat(french.body()).contains("href=\"/?lang=en\" lang=\"en\"");
        assertThat(english.body()).contains("<html lang=\"en\">", "Your commune or postcode");
        assertThat(english.header("content-language")).isEqualTo("en");
        assertThat(switched.body()).contains("<html lang=\"fr\">");
        assertThat(french.header("vary")).contains("Accept-Language");
    }

    @Test
    void homeOffersThemesLocationAndSaysWhatIsGatheredFromWhere() {
        String body = node.get("/").body();

        assertThat(body).contains("name=\"themes\" value=\"mobilite\"", "Transports et mobilités");
        assertThat(body).contains("id=\"locate\"", "hidden");
        assertThat(body)
                .contains(
                        "Ce que Parvis rassemble",
                        "Hostile &lt;b&gt;platform&lt;/b&gt; — Bordeaux");
        assertThat(body).contains("action=\"/choose\"");
    }

    @Test
    void everyPageHasTheStrictPolicyAndNoInlineScriptStyleOrHandler() {
        for (String path : List.of(
                "/",
                "/choose?q=33370",
                BORDEAUX_FEED,
                "/items/" + PageFixture.XSS_KEY + "?place=fr:commune:33063",
                "/sources",
                "/feed?place=nowhere",
                "/no/such/page")) {
            PageFixture.Answer answer = node.get(path);

            assertThat(answer.header("content-security-policy"))
                    .as(path)
                    .isEqualTo(Pages.CONTENT_SECURITY_POLICY)
                    .doesNotContain("unsafe-inline");
            assertThat(answer.header("content-type")).as(path).startsWith("text/html");
            assertThat(INLINE_SCRIPT.matcher(answer.body()).find()).as(path).isFalse();
            assertThat(EVENT_HANDLER.matcher(answer.body()).find()).as(path).isFalse();
            assertThat(answer.body()).as(path).doesNotContain(" style=", "<style");
        }
    }

    @Test
    void aPostcodeOfOneCommuneGoesStraightToItsFeedKeepingTheThemes() {
        PageFixture.Answer answer = node.get("/choose?q=33000&themes=mobilite&lang=en");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("location"))
                .isEqualTo("/feed?place=fr:commune:33063&themes=mobilite&lang=en");
    }

    @Test
    void aSharedPostcodeListsItsCommunesToChooseFrom() {
        String body = node.get("/choose?q=33370").body();

        assertThat(body).contains("Plusieurs lieux correspondent");
        assertThat(body).contains(">Tresses</a>", ">Pompignac</a>", ">Artigues-près-Bordeaux</a>");
        assertThat(body).contains("href=\"/feed?place=fr:commune:33535&amp;lang=fr\"");
    }

    @Test
    void homonymsAreToldApartByTheirDepartement() {
        String body = node.get("/choose?q=Saint-Denis&lang=en").body();

        assertThat(body).contains("Seine-Saint-Denis (93)", "La Réunion (974)");
        assertThat(body).contains("fr:commune:93066", "fr:commune:97411");
    }

    @Test
    void anUnknownPlaceNameSaysSoAndOffersTheFormAgain() {
        PageFixture.Answer answer = node.get("/choose?q=Xqzwvtkb");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Aucune commune ne correspond à « Xqzwvtkb »");
        assertThat(answer.body()).contains("value=\"Xqzwvtkb\"");
    }

    @Test
    void feedCardsShowLevelKindStatusInWordsThemesAndTheWayToTakePart() {
        String body = node.get(BORDEAUX_FEED).body();

        assertThat(body).contains("<h1>Démarches autour de Bordeaux</h1>");
        assertThat(body)
                .contains("Ma commune — Bordeaux", "Mon intercommunalité — Bordeaux Métropole");
        assertThat(body)
                .contains(
                        "Mon département — Gironde", "Ma région — Nouvelle-Aquitaine", "National");
        assertThat(body).containsPattern("ferme dans \\d+ jours \\(le \\d+ [a-zéû]+ \\d{4}\\)");
        assertThat(body).contains("Enquête publique", "Budget participatif");
        assertThat(body)
                .contains("Participer sur Données d'exemple — Participation Bordeaux Métropole");
        assertThat(body)
                .contains("href=\"https://participation.bordeaux-metropole.example"
                        + "/processes/plan-velo-metropolitain-2030");
    }

    @Test
    void feedShowsTheSameTotalAndFacetCountsAsTheJsonApi() {
        JsonNode api = json("/api/v1/feed?place=fr:commune:33063");
        String body = node.get(BORDEAUX_FEED).body();

        assertThat(body)
                .contains("<h2 id=\"results-heading\">" + api.get("total").asLong()
                        + " démarches</h2>");
        long mobility = api.at("/facets/theme/mobilite").asLong();
        assertThat(mobility).isPositive();
        assertThat(body)
                .containsPattern("value=\"mobilite\"[^>]*><label for=\"themes-mobilite\">"
                        + "Transports et mobilités <span class=\"count\">\\(" + mobility
                        + "\\)</span>");
    }

    @Test
    void filtersAreAppliedAndKeptCheckedInTheForm() {
        JsonNode api =
                json("/api/v1/feed?place=fr:commune:33063&themes=mobilite&kinds=consultation");
        String body =
                node.get(BORDEAUX_FEED + "&themes=mobilite&kinds=consultation").body();

        assertThat(body)
                .contains(
                        api.get("total").asLong() == 1
                                ? "1 démarche"
                                : api.get("total") + " démarches");
        assertThat(body)
                .contains("id=\"themes-mobilite\" name=\"themes\" value=\"mobilite\" checked");
        assertThat(body)
                .contains(
                        "id=\"kinds-consultation\" name=\"kinds\" value=\"consultation\" checked");
        assertThat(countCards(body)).isEqualTo(api.get("items").size());
    }

    @Test
    void paginationFollowsTheCursorOfTheApi() {
        String first = node.get(BORDEAUX_FEED + "&limit=5").body();
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = node.get(next.group(1).replace("&amp;", "&")).body();

        assertThat(countCards(first)).isEqualTo(5);
        assertThat(countCards(second)).isEqualTo(5);
        assertThat(second).contains("Première page");
        Set<String> firstTitles = new HashSet<>(titles(first));
        assertThat(titles(second)).doesNotContainAnyElementsOf(firstTitles);
    }

    @Test
    void anEmptyFeedSuggestsWideningTheSearch() {
        String body = node.get("/feed?place=fr:commune:24322&themes=mobilite&q=xylophone")
                .body();

        assertThat(body).contains("Aucune démarche ne correspond");
        assertThat(body)
                .contains(
                        "Tous les thèmes",
                        "Sans les mots cherchés",
                        "Inclure les démarches terminées");
        assertThat(body).contains("Tout ce qui se passe dans Dordogne");
        assertThat(countCards(body)).isZero();
    }

    @Test
    void feedPageLinksItsAtomAndCalendarTwinsAndCarriesTheAlertForm() {
        String body = node.get(BORDEAUX_FEED + "&themes=mobilite&lang=en").body();

        assertThat(body).contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
        assertThat(body)
                .contains("href=\"/feed.atom?place=fr:commune:33063"
                        + "&amp;themes=mobilite&amp;lang=en\"");
        assertThat(body).contains("<link rel=\"alternate\" type=\"text/calendar\"");
        assertThat(body).contains("<form action=\"/alerts/subscribe\" method=\"post\">");
        assertThat(body)
                .contains(
                        "name=\"place\" value=\"fr:commune:33063\"",
                        "name=\"themes\" value=\"mobilite\"",
                        "name=\"scope\" value=\"around\"",
                        "name=\"language\" value=\"en\"",
                        "name=\"email\" type=\"email\" required",
                        "name=\"frequency\"",
                        "value=\"immediate\"",
                        "value=\"daily\"",
                        "value=\"weekly\"");
    }

    @Test
    void frenchContentOnTheEnglishPageIsMarkedWithItsLanguage() {
        String body = node.get(BORDEAUX_FEED + "&lang=en").body();

        assertThat(body).contains("<html lang=\"en\">", "Ways to take part around Bordeaux");
        assertThat(body)
                .containsPattern("<h3><a href=\"[^\"]+\" lang=\"fr\">Plan vélo métropolitain");
        assertThat(body).containsPattern("closes in \\d+ days \\(\\d+ [A-Z][a-z]+ \\d{4}\\)");
    }

    @Test
    void itemPageShowsStepsMeetingsCountsProvenanceAndWhy() {
        String body = node.get("/items/demo-bordeaux-metropole:process/plan-velo-metropolitain-2030"
                        + "?place=fr:commune:33063&themes=mobilite")
                .body();

        assertThat(body).contains("<h2 id=\"steps-heading\">Étapes</h2>");
        assertThat(body)
                .containsPattern("<li class=\"step active\" aria-current=\"step\">\\s*"
                        + "<span class=\"step-title\">Avis sur les tracés proposés</span>\\s*"
                        + "<strong class=\"current\">\\(étape en cours\\)</strong>");
        assertThat(body).contains("Atelier cartographique : les traversées de la Garonne");
        assertThat(body)
                .contains("Maison du projet, 35 quai de Queyries, 33100 Bordeaux", "à 18:30");
        assertThat(body).contains("<dt>Participants</dt><dd>1\u202f843</dd>");
        assertThat(body)
                .contains("<dt>Licence des données</dt><dd><a"
                        + " href=\"https://creativecommons.org/publicdomain/zero/1.0/\">"
                        + "CC0-1.0</a>");
        assertThat(body).contains("Lu par Parvis le");
        assertThat(body).contains("Elle concerne Bordeaux Métropole, qui inclut Bordeaux");
        assertThat(body).contains("Thème Transports et mobilités");
        assertThat(body).contains("Retour aux démarches");
    }

    @Test
    void harvestedHtmlIsSanitisedOnTheItemPage() {
        String body = node.get("/items/" + PageFixture.XSS_KEY).body();
        String description = body.substring(
                body.indexOf("<div class=\"description\""),
                body.indexOf("</section>", body.indexOf("<div class=\"description\"")));

        assertThat(description)
                .doesNotContain("<script", "<img", "<svg", "<iframe", "<style", "<form", "<math");
        assertThat(description).doesNotContainIgnoringCase("javascript:");
        assertThat(description).doesNotContainPattern("\\son[a-z]+=");
        assertThat(description).doesNotContain("style=");
        assertThat(description)
                .contains("<a href=\"https://example.org/ok\" rel=\"nofollow ugc noopener\">"
                        + "safe link</a>");
        assertThat(body).doesNotContain("href=\"javascript:");
        assertThat(body).contains("href=\"https://hostile.example/processes/xss\"");
    }

    @Test
    void itemPageSaysWhatCameOfTheProcessWithItsProgressDatesAndProposals() {
        String body = node.get("/items/" + PageFixture.XSS_KEY).body();
        String outcomes = section(body, "outcomes-heading");
        LocalDate today = LocalDate.ofInstant(node.now, ZoneOffset.UTC);
        DateTimeFormatter french = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

        assertThat(outcomes)
                .contains("Ce qui en est sorti")
                .contains("Suite \"&gt;&lt;script&gt;")
                .contains("</span> · 100 % réalisé")
                .contains("<span>En cours</span> · 40 % réalisé")
                .contains("du " + french.format(today.minusDays(10)) + " au "
                        + french.format(today.plusDays(20)))
                .contains("<a href=\"" + PageFixture.MEETING_ID + "\">Réunion &lt;svg")
                .contains("<a href=\"https://hostile.example/processes/xss/proposals/9\">"
                        + "une proposition</a>")
                .contains("<a href=\"https://hostile.example/processes/xss/results/2\">")
                .doesNotContain("<script");
        assertThat(section(
                        node.get("/items/" + PageFixture.XSS_KEY + "?lang=en").body(),
                        "outcomes-heading"))
                .contains("What came of it", "40% done", "a proposal</a>");
    }

    private static String section(String body, String headingId) {
        int start = body.indexOf("id=\"" + headingId + "\"");
        assertThat(start).as("section " + headingId).isNotNegative();
        return body.substring(start, body.indexOf("</section>", start));
    }

    @Test
    void badParametersGetAFriendlyHtmlPageNamingThem() {
        PageFixture.Answer place = node.get("/feed?place=nowhere");
        PageFixture.Answer kind = node.get(BORDEAUX_FEED + "&kinds=lottery&lang=en");
        PageFixture.Answer unknown = node.get(BORDEAUX_FEED + "&colour=red");
        PageFixture.Answer lang = node.get("/?lang=de");

        assertThat(place.status()).isEqualTo(400);
        assertThat(place.body())
                .contains("Demande incorrecte", "Le paramètre « place »", "<code>nowhere</code>");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body())
                .contains(
                        "<html lang=\"en\">",
                        "The address parameter “kinds”",
                        "<code>lottery</code>");
        assertThat(kind.body()).contains("<code>participatory_budget</code>");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("<code>colour</code>");
        assertThat(lang.status()).isEqualTo(400);
        assertThat(lang.body()).contains("<code>lang</code>", "<code>de</code>");
    }

    @Test
    void unknownPlacesItemsAndPagesAreHtml404sWhileTheApiStaysJson() {
        PageFixture.Answer place = node.get("/feed?place=fr:commune:99999");
        PageFixture.Answer item = node.get("/items/demo:nothing-here");
        PageFixture.Answer page = node.get("/nowhere", "Accept-Language", "en");
        PageFixture.Answer api = node.get("/api/v1/nowhere");

        assertThat(place.status()).isEqualTo(404);
        assertThat(place.body()).contains("Page introuvable");
        assertThat(item.status()).isEqualTo(404);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("<html lang=\"en\">", "Page not found");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void sourcesPageListsEachPlatformWithTerritoryLastRunAndItemCount() {
        String body = node.get("/sources?lang=en").body();
        JsonNode api = json("/api/v1/sources");

        assertThat(body).contains("<caption id=\"sources-caption\">");
        for (JsonNode source : api.get("sources")) {
            assertThat(body)
                    .contains(
                            source.get("name").asText().replace("<", "&lt;").replace(">", "&gt;"));
            assertThat(body).contains("<td>" + source.get("liveItems").asLong() + "</td>");
        }
        assertThat(body).contains("<td>Gironde</td>", "<td>Bordeaux Métropole</td>", "succeeded");
    }

    @Test
    void atomFeedParsesBackWithOneEntryPerProcessOfTheFeed() throws Exception {
        JsonNode api = json("/api/v1/feed?place=fr:commune:33063&themes=mobilite");
        PageFixture.Answer answer = node.get("/feed.atom?place=fr:commune:33063&themes=mobilite");

        assertThat(answer.header("content-type")).startsWith("application/atom+xml");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(answer.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getTitle()).contains("Bordeaux");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");

        List<String> expected = new ArrayList<>();
        api.get("items").forEach(item -> expected.add(item.get("id").asText()));
        assertThat(feed.getEntries()).extracting(Entry::getId).containsExactlyElementsOf(expected);
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getAlternateLinks().get(0).getHref()).startsWith("https://");
            assertThat(entry.getCategories()).extracting(c -> c.getTerm()).contains("mobilite");
        }
    }

    @Test
    void atomEntryIsUpdatedWhenItsProcessChangesAndOnlyThen() throws Exception {
        String source = "demo-gironde";
        String url = "/feed.atom?place=fr:departement:33&scope=within&status=all&limit=100";
        Entry before = entryOf(url, "demo-gironde", "trait-de-cote");

        node.reharvest(source);
        Entry unchanged = entryOf(url, "demo-gironde", "trait-de-cote");
        node.platform().retitle(source, "process/trait-de-cote", "Trait de côte : nouveau titre");
        node.reharvest(source);
        Entry changed = entryOf(url, "demo-gironde", "trait-de-cote");

        assertThat(unchanged.getUpdated()).isEqualTo(before.getUpdated());
        assertThat(changed.getTitle()).isEqualTo("Trait de côte : nouveau titre");
        assertThat(changed.getUpdated()).isAfter(before.getUpdated());
    }

    @Test
    void calendarParsesBackWithMeetingsAsUtcEventsAndClosingDatesAsAllDayEvents() throws Exception {
        JsonNode api = json("/api/v1/feed?place=fr:commune:33063");
        PageFixture.Answer answer = node.get("/feed.ics?place=fr:commune:33063");

        assertThat(answer.header("content-type")).startsWith("text/calendar");
        assertThat(answer.body()).contains("\r\n").doesNotContain("TZID=Z");
        Calendar calendar = new CalendarBuilder().build(new StringReader(answer.body()));
        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue())
                .isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID)).isPresent();
        assertThat(calendar.validate().getEntries()).as("ical4j validation").isEmpty();
        List<VEvent> events = calendar.getComponents("VEVENT");

        int closings = 0;
        int meetings = 0;
        for (JsonNode item : api.get("items")) {
            if (item.has("endAt")) {
                closings++;
            }
            meetings +=
                    (int) node.store.listContributions(URI.create(item.get("id").asText())).stream()
                            .filter(c -> c.kind() == ContributionKind.MEETING)
                            .count();
        }
        assertThat(meetings).isPositive();
        long allDay = events.stream()
                .filter(e -> e.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .toString()
                        .contains("VALUE=DATE:"))
                .count();
        long timed = events.stream()
                .filter(e ->
                        e.getProperty(Property.DTSTART).orElseThrow().getValue().endsWith("Z"))
                .count();
        assertThat(allDay).isEqualTo(closings);
        assertThat(timed).isEqualTo(meetings);
        assertThat(events).hasSize(closings + meetings);
        Set<String> uids = new HashSet<>();
        for (VEvent event : events) {
            assertThat(event.getProperty(Property.DTSTAMP)).isPresent();
            assertThat(uids.add(event.getProperty(Property.UID).orElseThrow().getValue()))
                    .isTrue();
        }
        Contribution meeting = node
                .store
                .listContributions(URI.create("https://participation.bordeaux-metropole.example"
                        + "/processes/plan-velo-metropolitain-2030"))
                .stream()
                .filter(c -> c.kind() == ContributionKind.MEETING)
                .findFirst()
                .orElseThrow();
        String start = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(meeting.meeting().startAt());
        assertThat(events)
                .anySatisfy(event -> assertThat(event.getProperty(Property.DTSTART)
                                .orElseThrow()
                                .getValue())
                        .isEqualTo(start));
    }

    @Test
    void staticAssetsCarryAnEtagAndAnsweredNotModifiedWhenCurrent() {
        String home = node.get("/").body();
        Matcher css =
                Pattern.compile("href=\"(/static/parvis\\.css\\?v=[0-9a-f]+)\"").matcher(home);
        assertThat(css.find()).isTrue();

        PageFixture.Answer first = node.get(css.group(1));
        PageFixture.Answer again = node.get(css.group(1), "If-None-Match", first.header("etag"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("content-type")).startsWith("text/css");
        assertThat(first.header("cache-control")).contains("immutable");
        assertThat(first.header("etag")).matches("\"[0-9a-f]{16}\"");
        assertThat(again.status()).isEqualTo(304);
        assertThat(node.get("/static/other.js").status()).isEqualTo(404);
    }

    private static Entry entryOf(String url, String sourceId, String slug) throws Exception {
        Feed feed =
                (Feed) new WireFeedInput().build(new StringReader(node.get(url).body()));
        return feed.getEntries().stream()
                .filter(entry -> entry.getId().endsWith("/processes/" + slug))
                .findFirst()
                .orElseThrow(() -> new AssertionError(sourceId + " " + slug + " not in " + url));
    }

    private static JsonNode json(String path) {
        try {
            return Json.mapper().readTree(node.get(path).body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int countCards(String body) {
        return body.split("<li class=\"card\">", -1).length - 1;
    }

    private static List<String> titles(String body) {
        List<String> titles = new ArrayList<>();
        Matcher m =
                Pattern.compile("<h3><a href=\"[^\"]+\"[^>]*>([^<]+)</a></h3>").matcher(body);
        while (m.find()) {
            titles.add(m.group(1));
        }
        return titles;
    }
}
