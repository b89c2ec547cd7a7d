package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parvis.feed.FeedQuery;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ProcessType;

import java.util.EnumSet;
import java.util.NoSuchElementException;
import java.util.Set;

class FeedEndpointTest {

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture(true);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.feed.clear();
        api.feed.answerWith(query -> ApiFixture.feedResult(null));
    }

    @Test
    void aPlaceAloneAsksForOpenAndUpcomingItemsAroundItSoonestClosingFirst() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr:commune:33063");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        assertThat(api.feed.lastQuery())
                .isEqualTo(new FeedQuery(
                        ApiFixture.BORDEAUX,
                        FeedQuery.Scope.AROUND,
                        Set.of(),
                        Set.of(),
                        Set.of(ProcessStatus.OPEN, ProcessStatus.UPCOMING),
                        null,
                        FeedQuery.Sort.CLOSING,
                        20,
                        null));
    }

    @Test
    void everyParameterReachesTheQuery() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr:departement:33&scope=within"
                + "&themes=mobilite,cadre_de_vie&themes=sante"
                + "&kinds=petition,participatory_budget"
                + "&status=closed&status=unknown&q=%20pistes+cyclables%20&sort=newest"
                + "&limit=7&cursor=abc-123_");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        FeedQuery query = api.feed.lastQuery();
        assertThat(query.place()).isEqualTo(ApiFixture.GIRONDE);
        assertThat(query.scope()).isEqualTo(FeedQuery.Scope.WITHIN);
        assertThat(query.themes()).containsExactlyInAnyOrder("mobilite", "cadre_de_vie", "sante");
        assertThat(query.kinds())
                .containsExactlyInAnyOrder(ProcessType.PETITION, ProcessType.PARTICIPATORY_BUDGET);
        assertThat(query.statuses())
                .containsExactlyInAnyOrder(ProcessStatus.CLOSED, ProcessStatus.UNKNOWN);
        assertThat(query.text()).isEqualTo("pistes cyclables");
        assertThat(query.sort()).isEqualTo(FeedQuery.Sort.NEWEST);
        assertThat(query.limit()).isEqualTo(7);
        assertThat(query.cursor()).isEqualTo("abc-123_");
    }

    @Test
    void statusAllAsksForEveryStatus() {
        api.get("/api/v1/feed?place=fr&status=all");

        assertThat(api.feed.lastQuery().statuses()).isEqualTo(EnumSet.allOf(ProcessStatus.class));
    }

    @Test
    void limitBoundsAreAccepted() {
        api.get("/api/v1/feed?place=fr&limit=1");
        assertThat(api.feed.lastQuery().limit()).isEqualTo(1);

        api.get("/api/v1/feed?place=fr&limit=100");
        assertThat(api.feed.lastQuery().limit()).isEqualTo(100);
    }

    @Test
    void theAnswerIsTheFeedResultWithLinksAndTheSampleFlag() {
        api.feed.answerWith(query -> ApiFixture.feedResult("next-page-token"));

        JsonNode body = api.get("/api/v1/feed?place=fr:commune:33063&themes=mobilite&limit=5")
                .json();

        assertThat(body.at("/place/id").asText()).isEqualTo("fr:commune:33063");
        assertThat(body.at("/place/level").asText()).isEqualTo("commune");
        assertThat(body.at("/parents/0/id").asText()).isEqualTo("fr:epci:243300316");
        assertThat(body.at("/parents/0/level").asText()).isEqualTo("epci");
        assertThat(body.at("/parents/4/level").asText()).isEqualTo("eu");
        assertThat(body.at("/total").asLong()).isEqualTo(1);
        assertThat(body.at("/items/0/kind").asText()).isEqualTo("participatory_budget");
        assertThat(body.at("/items/0/status").asText()).isEqualTo("open");
        assertThat(body.at("/items/0/licence/id").asText()).isEqualTo("ODbL-1.0");
        assertThat(body.at("/facets/theme/mobilite").asLong()).isEqualTo(1);
        assertThat(body.at("/nextCursor").asText()).isEqualTo("next-page-token");
        assertThat(body.at("/sampleData").asBoolean()).isTrue();
        assertThat(body.at("/links/self").asText())
                .isEqualTo("/api/v1/feed?place=fr:commune:33063&scope=around&themes=mobilite"
                        + "&status=upcoming,open&sort=closing&limit=5");
        assertThat(body.at("/links/next").asText())
                .isEqualTo("/api/v1/feed?place=fr:commune:33063&scope=around&themes=mobilite"
                        + "&status=upcoming,open&sort=closing&limit=5&cursor=next-page-token");
    }

    @Test
    void theNextLinkAsksForTheSameQueryWithTheNextCursor() {
        api.feed.answerWith(query -> ApiFixture.feedResult("p2"));
        String next = api.get(
                        "/api/v1/feed?place=fr&q=v%C3%A9lo%20%26%20bus&kinds=petition&limit=3")
                .json()
                .at("/links/next")
                .asText();
        FeedQuery first = api.feed.lastQuery();

        assertThat(api.get(next).status()).isEqualTo(200);

        FeedQuery second = api.feed.lastQuery();
        assertThat(second.cursor()).isEqualTo("p2");
        assertThat(second.text()).isEqualTo("vélo & bus");
        assertThat(new FeedQuery(
                        second.place(),
                        second.scope(),
                        second.themes(),
                        second.kinds(),
                        second.statuses(),
                        second.text(),
                        second.sort(),
                        second.limit(),
                        null))
                .isEqualTo(first);
    }

    @Test
    void withoutNextCursorThereIsNoNextLink() {
        JsonNode body = api.get("/api/v1/feed?place=fr").json();

        assertThat(body.at("/links/self").isTextual()).isTrue();
        assertThat(body.at("/links").has("next")).isFalse();
        assertThat(body.has("nextCursor")).isFalse();
    }

    @ParameterizedTest(name = "{0} → parameter {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=0                 | limit  | 0",
                "limit=101               | limit  | 101",
                "limit=abc               | limit  | abc",
                "limit=-1                | limit  | -1",
                "limit=%2B5              | limit  | +5",
                "limit=99999999999       | limit  | 99999999999",
                "scope=nearby            | scope  | nearby",
                "scope=AROUND            | scope  | AROUND",
                "sort=x                  | sort   | x",
                "status=opened           | status | opened",
                "status=open,,closed     | status | 'open,,closed'",
                "kinds=referendum        | kinds  | referendum",
                "themes=Mobilité         | themes | Mobilité",
                "cursor=a%20b            | cursor | a b",
            })
    void aBadValueIsA400ProblemNamingTheParameterAndValue(
            String query, String parameter, String value) {
        ApiFixture.Answer answer =
                api.get("/api/v1/feed?place=fr:commune:33063&" + query.replace("é", "%C3%A9"));

        assertBadParameter(answer, parameter);
        assertThat(answer.json().at("/value").asText()).isEqualTo(value);
        assertThat(answer.json().at("/detail").asText()).contains(parameter);
        assertThat(api.feed.count()).as("the feed is not asked").isZero();
    }

    @Test
    void enumeratedParametersListTheirAllowedValues() {
        assertThat(api.get("/api/v1/feed?place=fr&scope=nearby").json().at("/allowed"))
                .extracting(JsonNode::asText)
                .containsExactly("around", "within");
        assertThat(api.get("/api/v1/feed?place=fr&status=x").json().at("/allowed"))
                .extracting(JsonNode::asText)
                .containsExactly("upcoming", "open", "closed", "unknown", "all");
        assertThat(api.get("/api/v1/feed?place=fr&sort=x").json().at("/allowed"))
                .extracting(JsonNode::asText)
                .containsExactly("closing", "newest", "relevance");
        assertThat(api.get("/api/v1/feed?place=fr&kinds=x").json().at("/allowed"))
                .extracting(JsonNode::asText)
                .contains("consultation", "participatory_budget", "petition")
                .hasSize(ProcessType.values().length);
        assertThat(api.get("/api/v1/feed?place=fr&limit=0")
                        .json()
                        .at("/allowed/0")
                        .asText())
                .contains("1 to 100");
    }

    @Test
    void anUnknownParameterIsNamedWithTheAllowedOnes() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr&foo=1&bar=2");

        assertBadParameter(answer, "bar");
        assertThat(answer.json().at("/detail").asText())
                .contains("'bar'", "'foo'", "'place'", "'cursor'");
        assertThat(answer.json().at("/allowed"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "place", "scope", "themes", "kinds", "status", "q", "sort", "limit",
                        "cursor");
    }

    @Test
    void aMissingPlaceSaysWhatToGive() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?themes=mobilite");

        assertBadParameter(answer, "place");
        assertThat(answer.json().at("/detail").asText()).contains("required", "fr:commune:33063");
    }

    @Test
    void aMalformedPlaceIsA400WithTheExpectedForms() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=paris");

        assertBadParameter(answer, "place");
        assertThat(answer.json().at("/value").asText()).isEqualTo("paris");
        assertThat(answer.json().at("/allowed"))
                .extracting(JsonNode::asText)
                .contains("fr:commune:<INSEE code>", "fr");
    }

    @Test
    void aRepeatedPlaceIsRejected() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr&place=eu");

        assertBadParameter(answer, "place");
        assertThat(answer.json().at("/detail").asText()).contains("2 times");
    }

    @Test
    void aTooLongTextIsRejected() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr&q=" + "a".repeat(201));

        assertBadParameter(answer, "q");
    }

    @Test
    void tooManyThemesAreRejected() {
        String themes = String.join(",", java.util.Collections.nCopies(21, "mobilite"));
        assertBadParameter(api.get("/api/v1/feed?place=fr&themes=" + themes), "themes");
    }

    @Test
    void anUnknownPlaceIsA404ThatSaysHowToFindPlaces() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr:commune:99999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/detail").asText())
                .contains("fr:commune:99999", "/api/v1/places/fr");
        assertThat(api.feed.count()).isZero();
    }

    @Test
    void aSourceLabelAreaIsLeftToTheFeed() {
        ApiFixture.Answer answer = api.get("/api/v1/feed?place=local:demo:quartier%20nord");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(api.feed.lastQuery().place().value()).isEqualTo("local:demo:quartier nord");
    }

    @Test
    void aQueryTheFeedRejectsIsA400NamingTheParameter() {
        api.feed.answerWith(query -> {
            throw new IllegalArgumentException(
                    "parameter 'cursor' does not belong to this query; start again");
        });

        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr&cursor=zzz");

        assertBadParameter(answer, "cursor");
        assertThat(answer.json().at("/detail").asText()).contains("start again");
    }

    @Test
    void aPlaceTheFeedDoesNotKnowIsA404() {
        api.feed.answerWith(query -> {
            throw new NoSuchElementException("unknown area fr");
        });

        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().at("/detail").asText()).isEqualTo("unknown area fr");
    }

    @Test
    void aFailingFeedIsA500WithAGenericDetail() {
        api.feed.answerWith(query -> {
            throw new IllegalStateException("index file /var/lib/parvis/index is corrupt");
        });

        ApiFixture.Answer answer = api.get("/api/v1/feed?place=fr");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/detail").asText()).doesNotContain("/var/lib");
    }

    private static void assertBadParameter(ApiFixture.Answer answer, String parameter) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        JsonNode problem = answer.json();
        assertThat(problem.at("/status").asInt()).isEqualTo(400);
        assertThat(problem.at("/type").asText()).isEqualTo(Problem.INVALID_PARAMETER);
        assertThat(problem.at("/title").asText()).isNotBlank();
        assertThat(problem.at("/instance").asText()).isEqualTo("/api/v1/feed");
        assertThat(problem.at("/parameter").asText()).isEqualTo(parameter);
        assertThat(problem.at("/detail").asText()).isNotBlank();
    }
}
