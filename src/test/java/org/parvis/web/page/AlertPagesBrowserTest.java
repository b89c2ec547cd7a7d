package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.parvis.alert.AlertFixture;
import org.parvis.alert.AlertFixture.Mail;
import org.parvis.alert.Frequency;
import org.parvis.store.JdbcStore;
import org.parvis.store.StoreLocation;
import org.parvis.web.ApiContext;
import org.parvis.web.ApiServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The e-mail alert pages in Debian's headless Chromium, on a node with alerts on and a real SMTP
 * server (GreenMail): a visitor subscribes with the feed page's form, then opens the links of the
 * mails received, in French and in English. axe-core finds no WCAG 2.1 A/AA violation on the
 * "check your inbox" answer, the confirm page, the manage form (before and after a change) and the
 * unsubscribe page, nor on their answers; the site's style sheet applies under the pages'
 * Content-Security-Policy. Screenshots go to {@code target/screenshots/alert-*.png}.
 *
 * <p>Skipped when Chromium or its driver is missing, except under {@code CI=true}, where that
 * fails.
 */
class AlertPagesBrowserTest {

    /** The site's accent colour ({@code --accent} in parvis.css), the buttons' background. */
    private static final String ACCENT = "rgb(29, 78, 216)";

    private static Path dataDir;
    private static AlertFixture fx;
    private static ApiServer server;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Chromium.requireInstalled();
        chromium = new Chromium();
        dataDir = Files.createTempDirectory("parvis-alert-pages-test");
        fx = new AlertFixture(JdbcStore.open(StoreLocation.sqlite(dataDir)));
        fx.harvest(fx.openProcess("plan-velo", AlertFixture.BORDEAUX, 20, "mobilite"));
        ApiContext context = new ApiContext(
                fx.feed()::query,
                fx.store,
                AlertFixture.gazetteer(),
                () -> {
                    throw new UnsupportedOperationException("no place search in alert pages");
                },
                List::of,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                false,
                "0.1.0-test",
                fx.alerts);
        server = ApiServer.start(context, "127.0.0.1", 0);
        browser = chromium.open(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (fx != null) {
            fx.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (dataDir != null) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyAlertPageHasNoAccessibilityViolation(String lang) {
        String email = "alice-" + lang + "@example.org";
        boolean fr = lang.equals("fr");
        List<String> problems = new ArrayList<>();

        // The feed page's form, sent by the browser: the "check your inbox" answer.
        open("/feed?place=fr:commune:33063&lang=" + lang);
        browser.findElement(By.id("alert-email")).sendKeys(email);
        new Select(browser.findElement(By.id("alert-frequency"))).selectByValue("immediate");
        Chromium.navigate(
                browser,
                browser.findElement(
                        By.cssSelector("section[aria-labelledby=alert-heading] button")));
        check("subscribed", lang, fr ? "Vérifiez votre boîte mail" : "Check your inbox", problems);

        // The confirmation mail's link, then its button.
        fx.alerts.runDue();
        Mail confirmation = fx.mailsTo(email).get(0);
        open("/alerts/confirm?token=" + confirmation.token("/alerts/confirm"));
        check("confirm", lang, fr ? "Confirmer l'alerte" : "Confirm the alert", problems);
        assertThat(buttonBackground()).as("the site's style sheet applies").isEqualTo(ACCENT);
        Chromium.navigate(
                browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
        check("confirmed", lang, fr ? "Alerte confirmée" : "Alert confirmed", problems);

        // A new process in Bordeaux: the alert mail, with its manage and unsubscribe links.
        fx.harvest(fx.openProcess("nouveau-" + lang, AlertFixture.BORDEAUX, 20));
        fx.alerts.runDue();
        Mail alert = fx.mailsTo(email).get(1);
        String manageToken = alert.token("/alerts/manage");
        open("/alerts/manage?token=" + manageToken);
        check("manage", lang, fr ? "Modifier mon alerte" : "Change my alert", problems);
        assertThat(browser.findElement(By.id("frequency-immediate")).isSelected())
                .isTrue();
        assertThat(browser.findElement(By.id("themes-mobilite")).isSelected()).isFalse();

        // The visitor ticks a theme and picks a weekly digest.
        browser.findElement(By.cssSelector("label[for=themes-mobilite]")).click();
        browser.findElement(By.cssSelector("label[for=frequency-weekly]")).click();
        Chromium.navigate(
                browser,
                browser.findElement(By.cssSelector("form.manage-form button[type=submit]")));
        check("manage-saved", lang, fr ? "Modifier mon alerte" : "Change my alert", problems);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains(fr ? "Vos changements sont enregistrés." : "Your changes are saved.");
        assertThat(browser.findElement(By.id("themes-mobilite")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("frequency-weekly")).isSelected()).isTrue();
        assertThat(fx.alerts.findByManageToken(manageToken)).hasValueSatisfying(view -> {
            assertThat(view.query().themes()).containsExactly("mobilite");
            assertThat(view.frequency()).isEqualTo(Frequency.WEEKLY);
            assertThat(view.language()).isEqualTo(lang);
        });

        // The unsubscribe link, then its button.
        String unsubscribeToken = alert.token("/alerts/unsubscribe");
        open("/alerts/unsubscribe?token=" + unsubscribeToken);
        check("unsubscribe", lang, fr ? "Se désabonner" : "Unsubscribe", problems);
        Chromium.navigate(
                browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
        check("unsubscribed", lang, fr ? "Vous êtes désabonné" : "You are unsubscribed", problems);
        assertThat(fx.alerts.findByUnsubscribeToken(unsubscribeToken)).isEmpty();

        assertThat(problems).as("axe-core violations").isEmpty();
    }

    private static void open(String pathAndQuery) {
        browser.get("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    /**
     * Checks that the browser shows the page {@code title} in {@code lang}, saves its screenshot
     * and collects its axe-core violations into {@code problems}.
     */
    private static void check(String page, String lang, String title, List<String> problems) {
        String name = "alert-" + page + "-" + lang;
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                .as(name)
                .isEqualTo(lang);
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(name).isEqualTo(title);
        Chromium.screenshot(browser, name);
        problems.addAll(chromium.axeViolations(browser, name));
    }

    private static Object buttonBackground() {
        return ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(document.querySelector('main button'))"
                        + ".backgroundColor");
    }
}
