package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parvis.alert.AlertFixture.BORDEAUX;
import static org.parvis.alert.AlertFixture.around;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.alert.AlertFixture;
import org.parvis.alert.AlertFixture.Mail;
import org.parvis.alert.AlertQuery;
import org.parvis.alert.Frequency;
import org.parvis.alert.SubscriptionRequest;
import org.parvis.feed.FeedQuery;
import org.parvis.model.Json;
import org.parvis.model.ProcessType;
import org.parvis.store.JdbcStore;
import org.parvis.store.StoreLocation;
import org.parvis.theme.ThemeCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The alert endpoints over HTTP with a real SMTP server: the JSON API and the form, the pages
 * behind the links in mails (GET shows a button, POST acts), RFC 8058 one-click unsubscribe,
 * problems for bad fields, the same answer for known and unknown addresses, and rate limits.
 */
class AlertEndpointTest {

    private static final String ALICE = "alice@example.org";

    @TempDir
    Path dataDir;

    private AlertFixture fx;
    private ApiServer server;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        fx = new AlertFixture(JdbcStore.open(StoreLocation.sqlite(dataDir)));
        ApiContext context = new ApiContext(
                fx.feed()::query,
                fx.store,
                AlertFixture.gazetteer(),
                () -> {
                    throw new UnsupportedOperationException("no place search in alert tests");
                },
                List::of,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                false,
                "0.1.0-test",
                fx.alerts);
        server = ApiServer.start(context, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        fx.close();
    }

    @Test
    void subscribingAnswersTheSameWhetherOrNotTheAddressIsKnown() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);

        HttpResponse<String> known = postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"alice@example.org\", \"place\": \"fr:commune:33063\"}");
        HttpResponse<String> unknown = postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"zoe@example.org\", \"place\": \"fr:commune:33063\"}");

        assertThat(known.statusCode()).isEqualTo(202).isEqualTo(unknown.statusCode());
        assertThat(known.body()).isEqualTo(unknown.body()).contains("\"status\":\"pending\"");
        assertThat(known.headers().firstValue("Content-Type"))
                .isEqualTo(unknown.headers().firstValue("Content-Type"));
    }

    @Test
    void theJsonApiQueuesAConfirmationOnly() {
        HttpResponse<String> answer = postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"alice@example.org\", \"place\": \"fr:commune:33063\","
                        + " \"themes\": [\"mobilite\"], \"kinds\": [\"consultation\"],"
                        + " \"scope\": \"around\", \"frequency\": \"weekly\","
                        + " \"language\": \"en\"}");
        fx.alerts.runDue();

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(fx.mailsTo(ALICE))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text())
                        .contains("what concerns Bordeaux · themes: Transport & mobility")
                        .contains("kinds: consultation · one digest a week"));
    }

    @Test
    void aFrenchSubscriptionNamesItsKindsInFrench() {
        postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"claire@example.org\", \"place\": \"fr:commune:33063\","
                        + " \"kinds\": [\"participatory_budget\"], \"language\": \"fr\"}");
        fx.alerts.runDue();

        assertThat(fx.mailsTo("claire@example.org"))
                .singleElement()
                .satisfies(
                        mail -> assertThat(mail.text()).contains("formes : budget participatif"));
    }

    @Test
    void badFieldsAreProblemsNamingTheFieldAndWhatIsAllowed() {
        JsonNode email = problem(
                postJson("/api/v1/subscriptions", "{\"email\": \"alice\", \"place\": \"fr\"}"));
        JsonNode frequency = problem(postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"a@example.org\", \"place\": \"fr\", \"frequency\": \"hourly\"}"));
        JsonNode theme = problem(postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"a@example.org\", \"place\": \"fr\", \"themes\": [\"chats\"]}"));
        JsonNode place = problem(postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"a@example.org\", \"place\": \"fr:commune:99999\"}"));
        JsonNode unknown = problem(postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"a@example.org\", \"place\": \"fr\", \"name\": \"Alice\"}"));

        assertThat(email.at("/parameter").asText()).isEqualTo("email");
        assertThat(email.at("/type").asText()).isEqualTo(Problem.INVALID_BODY);
        assertThat(frequency.at("/parameter").asText()).isEqualTo("frequency");
        assertThat(frequency.at("/allowed").toString())
                .isEqualTo("[\"immediate\",\"daily\",\"weekly\"]");
        assertThat(theme.at("/parameter").asText()).isEqualTo("themes");
        assertThat(theme.at("/value").asText()).isEqualTo("chats");
        assertThat(theme.at("/allowed").toString()).contains("mobilite");
        assertThat(place.at("/parameter").asText()).isEqualTo("place");
        assertThat(place.at("/detail").asText()).contains("unknown place 'fr:commune:99999'");
        assertThat(unknown.at("/parameter").asText()).isEqualTo("name");
        assertThat(fx.mails()).isEmpty();
    }

    @Test
    void aBodyOfAnotherTypeIsRefused() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/subscriptions"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("alice@example.org")));

        assertThat(answer.statusCode()).isEqualTo(415);
    }

    @Test
    void theFeedPageFormAnswersWithAPageAndSendsTheConfirmation() {
        HttpResponse<String> answer = postForm(
                "/alerts/subscribe",
                "email=alice%40example.org&place=fr%3Acommune%3A33063&themes=mobilite"
                        + "&themes=climat_energie&kinds=consultation&scope=around"
                        + "&frequency=daily&language=fr");
        fx.alerts.runDue();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/html");
        assertThat(answer.body()).contains("Vérifiez votre boîte mail");
        assertThat(fx.mailsTo(ALICE))
                .singleElement()
                .satisfies(mail -> assertThat(mail.text())
                        .contains("thèmes : Climat et énergie, Transports et mobilités"));
    }

    @Test
    void thePagesHaveNoInlineStyleAndLinkTheSiteStyleSheetTheirPolicyAllows() {
        HttpResponse<String> answer = postForm(
                "/alerts/subscribe",
                "email=alice%40example.org&place=fr%3Acommune%3A33063&language=en");
        String policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "<link rel=\"stylesheet\" href=\"(/static/parvis\\.css\\?v=[0-9a-f]+)\"")
                .matcher(answer.body());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(policy).contains("style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(answer.body()).doesNotContain("<style", "style=");
        assertThat(link.find()).as("a link to the versioned style sheet").isTrue();
        HttpResponse<String> css = get(link.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    @Test
    void aBadFormFieldAnswersWithAPageSayingWhy() {
        HttpResponse<String> answer =
                postForm("/alerts/subscribe", "email=alice&place=fr%3Acommune%3A33063");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("Demande refusée", "field 'email' is not an e-mail address");
        assertThat(fx.mails()).isEmpty();
    }

    @Test
    void openingTheConfirmationLinkShowsAButtonAndOnlyThePostConfirms() {
        postJson(
                "/api/v1/subscriptions",
                "{\"email\": \"alice@example.org\", \"place\": \"fr:commune:33063\","
                        + " \"frequency\": \"immediate\"}");
        fx.alerts.runDue();
        String token = fx.mailsTo(ALICE).get(0).token("/alerts/confirm");

        HttpResponse<String> page = get("/alerts/confirm?token=" + token);
        fx.harvest(fx.openProcess("avant", BORDEAUX, 20));
        fx.alerts.runDue();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<form method=\"post\" action=\"/alerts/confirm\">")
                .contains("value=\"" + token + "\"");
        assertThat(fx.mailsTo(ALICE)).hasSize(1);

        HttpResponse<String> confirmed = postForm("/alerts/confirm", "token=" + token);
        fx.harvest(fx.openProcess("apres", BORDEAUX, 20));
        fx.alerts.runDue();

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Alerte confirmée");
        assertThat(fx.mailsTo(ALICE)).hasSize(2);
        assertThat(get("/alerts/confirm?token=" + token).statusCode()).isEqualTo(404);
    }

    @Test
    void listUnsubscribePostUnsubscribesInOneClick() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("un-clic", BORDEAUX, 20));
        fx.alerts.runDue();
        Mail alert = fx.mailsTo(ALICE).get(1);

        HttpResponse<String> answer =
                postForm(alert.unsubscribePathAndQuery(), "List-Unsubscribe=One-Click");
        fx.harvest(fx.openProcess("plus-rien", BORDEAUX, 20));
        fx.alerts.runDue();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Vous êtes désabonné");
        assertThat(fx.mailsTo(ALICE)).hasSize(2);
        assertThat(get("/alerts/manage?token=" + alert.token("/alerts/manage")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theUnsubscribeLinkShowsAButtonThatUnsubscribes() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("lien", BORDEAUX, 20));
        fx.alerts.runDue();
        String token = fx.mailsTo(ALICE).get(1).token("/alerts/unsubscribe");

        HttpResponse<String> page = get("/alerts/unsubscribe?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(fx.alerts.findByUnsubscribeToken(token)).isPresent();

        HttpResponse<String> done = postForm("/alerts/unsubscribe", "token=" + token);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(fx.alerts.findByUnsubscribeToken(token)).isEmpty();
    }

    @Test
    void theManagePageChangesTheSubscription() {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE);
        fx.harvest(fx.openProcess("gerer", BORDEAUX, 20));
        fx.alerts.runDue();
        String token = fx.mailsTo(ALICE).get(1).token("/alerts/manage");

        HttpResponse<String> page = get("/alerts/manage?token=" + token);
        HttpResponse<String> saved = postForm(
                "/alerts/manage",
                "token=" + token + "&place=fr%3Adepartement%3A33&scope=within&themes="
                        + "&kinds=&frequency=weekly&language=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("value=\"fr:commune:33063\"")
                .contains("<input type=\"radio\" id=\"frequency-immediate\" name=\"frequency\""
                        + " value=\"immediate\" checked>");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your changes are saved.");
        assertThat(fx.alerts.findByManageToken(token)).hasValueSatisfying(view -> {
            assertThat(view.frequency()).isEqualTo(Frequency.WEEKLY);
            assertThat(view.placeName()).isEqualTo("Gironde");
            assertThat(view.language()).isEqualTo("en");
        });
    }

    @Test
    void theManageFormLabelsEveryChoiceInWordsAndTicksWhatTheSubscriptionFollows() {
        String token = manageToken(
                new AlertQuery(
                        BORDEAUX,
                        FeedQuery.Scope.AROUND,
                        Set.of("mobilite", "climat_energie"),
                        Set.of(ProcessType.PUBLIC_INQUIRY)),
                Frequency.DAILY,
                "fr");

        Document page = Jsoup.parse(get("/alerts/manage?token=" + token).body());
        FormElement form = manageForm(page);

        assertThat(legends(form))
                .containsExactly(
                        "Portée",
                        "Thèmes",
                        "Types de démarche",
                        "Fréquence",
                        "Langue des e-mails et des pages");
        assertThat(form.select("select, textarea")).isEmpty();
        assertThat(labelsOf(form, "themes"))
                .hasSize(ThemeCatalog.loadDefault().listThemes().size())
                .containsEntry("mobilite", "Transports et mobilités")
                .containsEntry("climat_energie", "Climat et énergie");
        assertThat(ticked(form, "themes")).containsExactlyInAnyOrder("climat_energie", "mobilite");
        assertThat(labelsOf(form, "kinds"))
                .hasSize(ProcessType.values().length)
                .containsEntry("public_inquiry", "Enquête publique");
        assertThat(ticked(form, "kinds")).containsExactly("public_inquiry");
        assertThat(labelsOf(form, "scope"))
                .containsEntry("around", "Ce qui concerne ce lieu (et les échelons au-dessus)")
                .containsEntry("within", "Tout ce qui se passe dans ce lieu");
        assertThat(ticked(form, "scope")).containsExactly("around");
        assertThat(labelsOf(form, "frequency")).containsEntry("daily", "Un résumé par jour");
        assertThat(ticked(form, "frequency")).containsExactly("daily");
        assertThat(labelsOf(form, "language"))
                .containsEntry("fr", "Français")
                .containsEntry("en", "English");
        // Only the other language's name is marked as in another language.
        assertThat(form.select("label[lang]").eachAttr("for")).containsExactly("language-en");
        assertThat(form.selectFirst("label[for=language-en]").attr("lang")).isEqualTo("en");
        assertThat(ticked(form, "language")).containsExactly("fr");
        assertThat(form.selectFirst("label[for=place]").text())
                .isEqualTo("Lieu (identifiant de territoire)");
        assertThat(page.getElementById("place-hint").text()).contains("Bordeaux");
    }

    @Test
    void theManageFormIsInTheSubscriptionsLanguage() {
        String token = manageToken(around(BORDEAUX, "mobilite"), Frequency.WEEKLY, "en");

        Document page = Jsoup.parse(get("/alerts/manage?token=" + token).body());
        FormElement form = manageForm(page);

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(legends(form)).contains("Themes", "Kinds of process", "Frequency");
        assertThat(labelsOf(form, "themes")).containsEntry("mobilite", "Transport & mobility");
        assertThat(labelsOf(form, "kinds")).containsEntry("petition", "Petition");
        assertThat(labelsOf(form, "frequency")).containsEntry("weekly", "One digest a week");
        assertThat(form.selectFirst("label[for=language-fr]").attr("lang")).isEqualTo("fr");
        assertThat(ticked(form, "themes")).containsExactly("mobilite");
    }

    @Test
    void theManageFormSentAsABrowserWouldChangesThemesAndFrequency() {
        String token = manageToken(around(BORDEAUX, "mobilite"), Frequency.IMMEDIATE, "fr");
        FormElement form =
                manageForm(Jsoup.parse(get("/alerts/manage?token=" + token).body()));

        // The citizen unticks one theme, ticks two others and picks a weekly digest.
        form.selectFirst("#themes-mobilite").removeAttr("checked");
        form.selectFirst("#themes-logement").attr("checked", true);
        form.selectFirst("#themes-climat_energie").attr("checked", true);
        form.select("input[name=frequency]").removeAttr("checked");
        form.selectFirst("#frequency-weekly").attr("checked", true);
        HttpResponse<String> saved = postForm(form.attr("action"), encode(form));

        assertThat(saved.statusCode()).isEqualTo(200);
        FormElement after = manageForm(Jsoup.parse(saved.body()));
        assertThat(ticked(after, "themes")).containsExactlyInAnyOrder("logement", "climat_energie");
        assertThat(ticked(after, "frequency")).containsExactly("weekly");
        assertThat(ticked(after, "kinds")).isEmpty();
        assertThat(fx.alerts.findByManageToken(token)).hasValueSatisfying(view -> {
            assertThat(view.query().themes())
                    .containsExactlyInAnyOrder("logement", "climat_energie");
            assertThat(view.frequency()).isEqualTo(Frequency.WEEKLY);
            assertThat(view.query().place()).isEqualTo(BORDEAUX);
            assertThat(view.language()).isEqualTo("fr");
        });
    }

    @Test
    void aBadManageFieldIsA400PageNamingTheFieldAndChangesNothing() {
        String token = manageToken(around(BORDEAUX, "mobilite"), Frequency.IMMEDIATE, "fr");

        HttpResponse<String> theme = postForm(
                "/alerts/manage",
                "token=" + token + "&place=fr%3Acommune%3A33063&themes=chats&frequency=daily");
        HttpResponse<String> frequency = postForm(
                "/alerts/manage",
                "token=" + token + "&place=fr%3Acommune%3A33063&frequency=hourly");

        assertThat(theme.statusCode()).isEqualTo(400);
        assertThat(theme.body()).contains("Demande refusée", "field 'themes'", "chats");
        assertThat(frequency.statusCode()).isEqualTo(400);
        assertThat(frequency.body()).contains("field 'frequency'", "hourly");
        assertThat(fx.alerts.findByManageToken(token)).hasValueSatisfying(view -> {
            assertThat(view.query().themes()).containsExactly("mobilite");
            assertThat(view.frequency()).isEqualTo(Frequency.IMMEDIATE);
        });
    }

    @Test
    void tooManyRequestsForOneAddressAre429WithRetryAfter() {
        String body = "{\"email\": \"alice@example.org\", \"place\": \"fr\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(postJson("/api/v1/subscriptions", body).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> limited = postJson("/api/v1/subscriptions", body);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(problem(limited).at("/detail").asText()).contains("too many");
    }

    @Test
    void unknownLinksAnswerAPageNotFound() {
        assertThat(get("/alerts/confirm?token=" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(get("/alerts/manage").statusCode()).isEqualTo(404);
        assertThat(postForm("/alerts/unsubscribe?token=short", "List-Unsubscribe=One-Click")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aNodeWithoutMailAnswers503() {
        try (ApiFixture plain = new ApiFixture(false)) {
            ApiFixture.Answer answer = plain.postJson(
                    "/api/v1/subscriptions", "{\"email\": \"a@example.org\", \"place\": \"fr\"}");

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().at("/detail").asText()).contains("mail: block");
        }
    }

    /**
     * The manage token of a confirmed subscription of Alice to {@code query}: it comes in the
     * first alert mail, after which the subscription is set as asked.
     */
    private String manageToken(AlertQuery query, Frequency frequency, String language) {
        fx.subscribeAndConfirm(ALICE, around(BORDEAUX), Frequency.IMMEDIATE, language);
        fx.harvest(fx.openProcess("un-processus", BORDEAUX, 20));
        fx.alerts.runDue();
        String token = fx.mailsTo(ALICE).get(1).token("/alerts/manage");
        assertThat(fx.alerts.update(
                        token, new SubscriptionRequest(ALICE, query, frequency, language)))
                .isPresent();
        return token;
    }

    private static FormElement manageForm(Document page) {
        return page.select("form.manage-form").forms().get(0);
    }

    private static List<String> legends(FormElement form) {
        return form.select("fieldset > legend").eachText();
    }

    /** The choices named {@code name}: value to the text of the label tied to the input. */
    private static Map<String, String> labelsOf(FormElement form, String name) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Element input : form.select("input[name=" + name + "]")) {
            Element label = form.selectFirst("label[for=" + input.id() + "]");
            assertThat(label).as("label of " + input.id()).isNotNull();
            labels.put(input.val(), label.text());
        }
        return labels;
    }

    private static List<String> ticked(FormElement form, String name) {
        return form.select("input[name=" + name + "][checked]").eachAttr("value");
    }

    /** The form's fields as a browser sends them. */
    private static String encode(FormElement form) {
        return form.formData().stream()
                .map(pair -> URLEncoder.encode(pair.key(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(pair.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private JsonNode problem(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        try {
            return Json.mapper().readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
