package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages in Debian's headless Chromium: axe-core finds no WCAG 2.1 A/AA violation on any page
 * type in either language, a visitor goes from the home page to an item without JavaScript, and
 * the hostile platform's payloads do not run. Screenshots of each page type go to {@code
 * target/screenshots/} for review.
 *
 * <p>Skipped when Chromium or its driver is missing, except under {@code CI=true}, where that
 * fails.
 */
class PagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The WCAG 2.1 level A and AA rules of axe-core. */
    static final List<String> AXE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private static PageFixture node;
    private static WebDriver browser;
    private static String axe;
    private static final List<Path> profiles = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); install them with: apt-get install -y --no-install-recommends chromium"
                    + " chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                fail("under CI=true the browser tests must run: " + message);
            }
            Assumptions.abort(message);
        }
        try (InputStream in = PagesBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
        node = new PageFixture();
        browser = chromium(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
        profiles.forEach(PagesBrowserTest::deleteTree);
    }

    @Test
    void everyPageTypeHasNoAccessibilityViolationInEitherLanguage() {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("chooser", "/choose?q=33370");
        pages.put("chooser-none", "/choose?q=Xqzwvtkb");
        pages.put("feed", "/feed?place=fr:commune:33063&limit=5");
        pages.put("feed-filtered", "/feed?place=fr:commune:33063&themes=mobilite&status=all");
        pages.put("feed-empty", "/feed?place=fr:commune:24322&themes=mobilite&q=xylophone");
        pages.put(
                "item",
                "/items/demo-bordeaux-metropole:process/plan-velo-metropolitain-2030"
                        + "?place=fr:commune:33063&themes=mobilite");
        pages.put("item-hostile", "/items/" + PageFixture.XSS_KEY + "?place=fr:commune:33063");
        pages.put("sources", "/sources");
        pages.put("error-400", "/feed?place=nowhere&kinds=lottery");
        pages.put("error-404", "/no/such/page");

        List<String> problems = new ArrayList<>();
        for (String lang : List.of("fr", "en")) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String url = page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang="
                        + lang;
                if (page.getKey().equals("error-404")) {
                    url = page.getValue() + "?lang=" + lang;
                }
                browser.get(node.baseUrl() + url);
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                        .as(url)
                        .isEqualTo(lang);
                screenshot(browser, page.getKey() + "-" + lang);
                problems.addAll(axeViolations(browser, page.getKey() + " (" + lang + ")"));
            }
        }

        assertThat(problems).as("axe-core violations").isEmpty();
    }

    @Test
    void theAccessibilityCheckFindsViolationsWhereThereAreSome() {
        browser.get("data:text/html;charset=utf-8,<!DOCTYPE html><html><head><title>x</title>"
                + "</head><body><img src='a.png'><input type='text'></body></html>");

        assertThat(axeViolations(browser, "broken page"))
                .anySatisfy(v -> assertThat(v).contains("image-alt"))
                .anySatisfy(v -> assertThat(v).contains("label"));
    }

    @Test
    void aVisitorWithoutJavascriptFindsTheirPlaceFiltersOpensAnItemPagesAndSwitchesLanguage() {
        WebDriver plain = chromium(false);
        try {
            // Home: a postcode shared by several communes, and a theme.
            plain.get(node.baseUrl() + "/");
            assertThat(plain.findElement(By.id("locate")).isDisplayed()).isFalse();
            plain.findElement(By.id("q")).sendKeys("33370");
            plain.findElement(By.id("theme-mobilite")).click();
            plain.findElement(By.cssSelector("#place-form button[type=submit]")).click();

            // Chooser: the communes of 33370.
            assertThat(plain.findElement(By.tagName("h1")).getText()).contains("33370");
            plain.findElement(By.linkText("Tresses")).click();
            assertThat(plain.getCurrentUrl()).contains("place=fr:commune:33535", "themes=mobilite");
            assertThat(plain.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Démarches autour de Tresses");

            // Filters: every theme, closed processes too.
            plain.findElement(By.id("themes-mobilite")).click();
            plain.findElement(By.id("status-closed")).click();
            plain.findElement(By.cssSelector("form.filters button[type=submit]"))
                    .click();
            assertThat(plain.getCurrentUrl()).contains("status=").doesNotContain("themes=");
            assertThat(plain.findElement(By.id("status-closed")).isSelected()).isTrue();
            List<WebElement> cards = plain.findElements(By.cssSelector(".card h3 a"));
            assertThat(cards).isNotEmpty();

            // Item: the first card's page.
            String title = cards.get(0).getText();
            cards.get(0).click();
            assertThat(plain.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(plain.findElement(By.id("why-heading")).getText())
                    .isEqualTo("Pourquoi cette démarche vous est montrée");

            // Pagination on a longer feed.
            plain.get(node.baseUrl() + "/feed?place=fr:commune:33063&limit=5");
            List<String> first = texts(plain.findElements(By.cssSelector(".card h3 a")));
            plain.findElement(By.linkText("Page suivante")).click();
            List<String> second = texts(plain.findElements(By.cssSelector(".card h3 a")));
            assertThat(first).hasSize(5);
            assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);

            // Language switch keeps the page and its parameters.
            plain.findElement(By.linkText("English")).click();
            assertThat(plain.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");
            assertThat(plain.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Ways to take part around Bordeaux");
            assertThat(texts(plain.findElements(By.cssSelector(".card h3 a")))).isEqualTo(second);
            screenshot(plain, "journey-end-en");
        } finally {
            plain.quit();
        }
    }

    @Test
    void useMyLocationOpensTheFeedOfTheCommuneTheBrowserIsIn() {
        ChromeDriver driver = (ChromeDriver) browser;
        driver.get(node.baseUrl() + "/?lang=en");
        driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", node.baseUrl(), "permissions", List.of("geolocation")));
        // Place Pey-Berland, Bordeaux.
        driver.executeCdpCommand(
                "Emulation.setGeolocationOverride",
                Map.of("latitude", 44.8378, "longitude", -0.5768, "accuracy", 50));

        driver.findElement(By.id("theme-mobilite")).click();
        WebElement locate = driver.findElement(By.id("locate"));
        assertThat(locate.isDisplayed()).isTrue();
        assertThat(locate.getText()).isEqualTo("Use my location");
        locate.click();

        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/feed?"));
        assertThat(driver.getCurrentUrl())
                .endsWith("/feed?place=fr%3Acommune%3A33063&themes=mobilite&lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Ways to take part around Bordeaux");
        driver.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
    }

    @Test
    void harvestedPayloadsDoNotRunInTheBrowser() {
        for (String path : List.of(
                "/feed?place=fr:commune:33063",
                "/items/" + PageFixture.XSS_KEY + "?place=fr:commune:33063",
                "/sources",
                "/")) {
            browser.get(node.baseUrl() + path);
            JavascriptExecutor js = (JavascriptExecutor) browser;

            assertThat(js.executeScript("return typeof window.__xss"))
                    .as(path)
                    .isEqualTo("undefined");
            assertThat(js.executeScript(
                            "return document.querySelectorAll('script:not([src])').length"))
                    .as(path)
                    .isEqualTo(0L);
            assertThat(
                            js.executeScript(
                                    "return document.querySelectorAll("
                                            + "'iframe, object, embed, svg, math, img, style, main form[action^=\"https:\"]').length"))
                    .as(path)
                    .isEqualTo(0L);
            assertThat(js.executeScript("return Array.from(document.querySelectorAll('*'))"
                            + ".filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name)"
                            + " || /^\\s*javascript:/i.test(a.value))).length"))
                    .as(path)
                    .isEqualTo(0L);
            try {
                browser.switchTo().alert();
                fail("an alert opened on " + path);
            } catch (NoAlertPresentException expected) {
                // no dialog: nothing ran
            }
        }
        screenshot(browser, "hostile-item");
    }

    private static List<String> axeViolations(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                        + ".then(r => done(r.violations.map(v => v.id + ' [' + v.impact + '] '"
                        + " + v.help + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e]));",
                AXE_TAGS);
        List<String> problems = new ArrayList<>();
        for (Object violation : (List<?>) result) {
            problems.add(page + ": " + violation);
        }
        return problems;
    }

    private static WebDriver chromium(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("parvis-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,1600",
                "--lang=fr-FR",
                "--user-data-dir=" + profile);
        // A French-speaking visitor, so that Accept-Language picks French unless told otherwise.
        options.setExperimentalOption(
                "prefs",
                javascript
                        ? Map.of("intl.accept_languages", "fr-FR,fr")
                        : Map.of(
                                "intl.accept_languages",
                                "fr-FR,fr",
                                "profile.managed_default_content_settings.javascript",
                                2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static void screenshot(WebDriver driver, String name) {
        try {
            byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
