package org.parvis.web.page;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium for the browser tests: opens browsers with a French-speaking
 * profile, runs axe-core's WCAG 2.1 A/AA and best-practice rules on the current page and saves
 * screenshots to {@code target/screenshots/}. {@link #requireInstalled} skips the calling test
 * class when Chromium or its driver is missing, except under {@code CI=true}, where that fails.
 *
 * <p>Not thread-safe; one per test class. {@link #close} deletes the browsers' profiles (the
 * browsers themselves are quit by whoever opened them).
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The WCAG 2.1 level A and AA rules of axe-core, and its best practices. */
    static final List<String> AXE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private final String axe;
    private final List<Path> profiles = new ArrayList<>();

    /** Loads axe-core; call {@link #requireInstalled} first. */
    Chromium() {
        try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test resources");
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Aborts the calling test (so JUnit reports it skipped) when Chromium or chromedriver is
     * missing; fails instead under {@code CI=true}, where the browser tests must run.
     */
    static void requireInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "Chromium or chromedriver missing (" + BINARY + ", " + DRIVER
                + "); install them with: apt-get install -y --no-install-recommends chromium"
                + " chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            fail("under CI=true the browser tests must run: " + message);
        }
        Assumptions.abort(message);
    }

    /** A new headless browser, with or without JavaScript, whose visitor reads French. */
    WebDriver open(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("parvis-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
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
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** The axe-core violations of the browser's current page, each prefixed with {@code page}. */
    List<String> axeViolations(WebDriver driver, String page) {
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

    /** Saves the browser's viewport as {@code target/screenshots/<name>.png}. */
    static void screenshot(WebDriver driver, String name) {
        try {
            byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        profiles.forEach(Chromium::deleteTree);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }

    /**
     * Clicks something that loads another page and waits until the old page is gone, so that
     * the next look is at the new page (a click on a submit button may return before it loads).
     */
    static void navigate(WebDriver driver, WebElement target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        target.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(oldPage));
    }
}
