package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.alert.AlertFixture.Mail;
import org.parvis.demo.FakePlatform;
import org.parvis.source.HarvestListener;
import org.parvis.source.Harvester;
import org.parvis.source.SourceConfig;
import org.parvis.web.ApiServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's alert promise, end to end with the real node, the sample platform over HTTP and an
 * SMTP server: subscribe with the form the feed page renders, confirm from the mail, receive an
 * alert when
 * the platform publishes a new Bordeaux process and it is harvested, unsubscribe in one click.
 */
class DemoAlertsEndToEndTest {

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private FakePlatform platform;
    private NodeRuntime node;
    private ApiServer api;
    private GreenMail smtp;

    @AfterEach
    void stop() {
        api.close();
        node.close();
        platform.close();
        smtp.stop();
    }

    @Test
    void aPersonSubscribesConfirmsIsAlertedOfANewProcessAndUnsubscribesInOneClick()
            throws Exception {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        platform = FakePlatform.start(Instant.now());
        List<SourceConfig> sources = platform.listSources();
        node = new Node.Factory().open(NodeOptions.settings(dataDir, null, sources));
        MailConfig mail = new MailConfig(
                "127.0.0.1",
                smtpPort,
                "none",
                null,
                null,
                "Parvis <demo@localhost.localdomain>",
                null,
                null);
        node.enableAlerts(mail.toSettings(URI.create("http://localhost:8080")));
        platform.hold(DemoCommand.HELD_SOURCE, DemoCommand.HELD_PROCESS);
        Harvester harvester =
                Commands.harvester(node, Version.DEFAULT_CONTACT, HarvestListener.NONE);
        sources.forEach(harvester::harvest);
        node.afterHarvest();
        api = (ApiServer) node.startApi("127.0.0.1", 0);

        FeedForm form = feedPageAlertForm("/feed?place=fr:commune:33063&lang=fr");
        HttpResponse<String> subscribed = post(
                form.action(), form.body() + "&email=camille%40example.org&frequency=immediate");
        node.deliverAlerts();
        List<Mail> mails = mails();
        assertThat(subscribed.statusCode()).isEqualTo(200);
        assertThat(mails).hasSize(1);

        HttpResponse<String> confirmed =
                post("/alerts/confirm", "token=" + mails.get(0).token("/alerts/confirm"));
        assertThat(confirmed.statusCode()).isEqualTo(200);

        platform.release(DemoCommand.HELD_SOURCE, DemoCommand.HELD_PROCESS);
        sources.forEach(harvester::harvest);
        node.afterHarvest();
        node.deliverAlerts();

        mails = mails();
        assertThat(mails).hasSize(2);
        Mail alert = mails.get(1);
        assertThat(alert.subject()).startsWith("Parvis : nouveau — ");
        assertThat(alert.text())
                .contains("Commune · Bordeaux")
                .contains("/processes/restauration-scolaire");

        HttpResponse<String> unsubscribed =
                post(alert.unsubscribePathAndQuery(), "List-Unsubscribe=One-Click");
        assertThat(unsubscribed.statusCode()).isEqualTo(200);
        assertThat(post(alert.unsubscribePathAndQuery(), "List-Unsubscribe=One-Click")
                        .statusCode())
                .isEqualTo(404);
    }

    /** The alert form of a feed page: where it posts and its hidden fields, form-encoded. */
    private record FeedForm(String action, String body) {}

    private FeedForm feedPageAlertForm(String pathAndQuery)
            throws IOException, InterruptedException {
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + pathAndQuery))
                        .header("Accept-Language", "fr")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        Element form =
                Jsoup.parse(page.body()).selectFirst("form[method=post]:has(input[name=email])");
        assertThat(form).as("the feed page's alert form").isNotNull();
        StringBuilder body = new StringBuilder();
        for (Element hidden : form.select("input[type=hidden]")) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(hidden.attr("name"), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(hidden.attr("value"), StandardCharsets.UTF_8));
        }
        return new FeedForm(form.attr("action"), body.toString());
    }

    private List<Mail> mails() {
        return Arrays.stream(smtp.getReceivedMessages()).map(Mail::of).toList();
    }

    /** POSTs a form; a path from a mail link is taken relative to the API. */
    private HttpResponse<String> post(String path, String form)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
