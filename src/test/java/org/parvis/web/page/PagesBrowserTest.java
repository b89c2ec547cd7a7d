package org.parvis.web.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

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

    private static PageFixture node;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        Chromium.requireInstalled();
        chromium = new Chromium();
        node = new PageFixture();
        browser = chromium.open(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
        if (chromium != null) {
            chromium.close();
        }
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
                Chromium.screenshot(browser, page.getKey() + "-" + lang);
                problems.addAll(chromium.axeViolations(browser, page.getKey() + " (" + lang + ")"));
            }
        }

        assertThat(problems).as("axe-core violations").isEmpty();
    }

    @Test
    void theAccessibilityCheckFindsViolationsWhereThereAreSome() {
        browser.get("data:text/html;charset=utf-8,<!DOCTYPE html><html><head><title>x</title>"
                + "</head><body><img src='a.png'><input type='text'></body></html>");

        assertThat(chromium.axeViolations(browser, "broken page"))
                .anySatisfy(v -> assertThat(v).contains("image-alt"))
                .anySatisfy(v -> assertThat(v).contains("label"));
    }

    @Test
    void aVisitorWithoutJavascriptFindsTheirPlaceFiltersOpensAnItemPagesAndSwitchesLanguage() {
        WebDriver plain = chromium.open(false);
        try {
            // Home: a postcode shared by several communes, and a theme.
            plain.get(node.baseUrl() + "/");
            assertThat(plain.findElement(By.id("locate")).isDisplayed()).isFalse();
            plain.findElement(By.id("q")).sendKeys("33370");
            plain.findElement(By.id("theme-mobilite")).click();
            Chromium.navigate(
                    plain, plain.findElement(By.cssSelector("#place-form button[type=submit]")));

            // Chooser: the communes of 33370.
            assertThat(plain.findElement(By.tagName("h1")).getText()).contains("33370");
            Chromium.navigate(plain, plain.findElement(By.linkText("Tresses")));
            assertThat(plain.getCurrentUrl()).contains("place=fr:commune:33535", "themes=mobilite");
            assertThat(plain.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Démarches autour de Tresses");

            // Filters: every theme, closed processes too.
            plain.findElement(By.id("themes-mobilite")).click();
            plain.findElement(By.id("status-closed")).click();
            Chromium.navigate(
                    plain, plain.findElement(By.cssSelector("form.filters button[type=submit]")));
            assertThat(plain.getCurrentUrl()).contains("status=").doesNotContain("themes=");
            assertThat(plain.findElement(By.id("status-closed")).isSelected()).isTrue();
            List<WebElement> cards = plain.findElements(By.cssSelector(".card h3 a"));
            assertThat(cards).isNotEmpty();

            // Item: the first card's page.
            String title = cards.get(0).getText();
            Chromium.navigate(plain, cards.get(0));
            assertThat(plain.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(plain.findElement(By.id("why-heading")).getText())
                    .isEqualTo("Pourquoi cette démarche vous est montrée");

            // Pagination on a longer feed.
            plain.get(node.baseUrl() + "/feed?place=fr:commune:33063&limit=5");
            List<String> first = texts(plain.findElements(By.cssSelector(".card h3 a")));
            Chromium.navigate(plain, plain.findElement(By.linkText("Page suivante")));
            List<String> second = texts(plain.findElements(By.cssSelector(".card h3 a")));
            assertThat(first).hasSize(5);
            assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);

            // Language switch keeps the page and its parameters.
            Chromium.navigate(plain, plain.findElement(By.linkText("English")));
            assertThat(plain.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("en");
            assertThat(plain.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Ways to take part around Bordeaux");
            assertThat(texts(plain.findElements(By.cssSelector(".card h3 a")))).isEqualTo(second);
            Chromium.screenshot(plain, "journey-end-en");
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
            assertThat(js.executeScript("return document.querySelectorAll("
                            + "'iframe, object, embed, svg, math, img, style,"
                            + " main form[action^=\"https:\"]').length"))
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
        Chromium.screenshot(browser, "hostile-item");
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
