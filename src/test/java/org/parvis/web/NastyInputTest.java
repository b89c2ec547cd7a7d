package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends hostile and malformed inputs, exactly as written (over a raw socket), into every parameter
 * of every endpoint. None may cause a server error, and every error must be a problem document.
 */
class NastyInputTest {

    /** Raw request-target fragments, inserted without any further encoding. */
    private static final List<String> NASTY = List.of(
            "%",
            "%Z",
            "%ZZ",
            "%%",
            "%C3",
            "%C3%28",
            "%ED%A0%80",
            "%FF%FE",
            "%00",
            "%0A",
            "%0D%0Aset-cookie:%20x=1",
            "%7F",
            "+",
            "%2B",
            "<script>alert(1)</script>",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "\"'`",
            "é",
            "%C3%A9",
            "%F0%9F%98%80",
            "%E2%80%AE",
            "../../etc/passwd",
            "%2E%2E%2F%2E%2E%2F",
            "..%2F..%2F",
            "\\",
            "%5C",
            "a;b",
            "&&&",
            "===",
            "a=b=c",
            "{}",
            "[]",
            "null",
            "-1",
            "1e9",
            "0x10",
            "99999999999999999999",
            ",",
            ",,,",
            "fr,fr",
            "fr:commune:",
            "local:x:" + "y".repeat(300),
            "a".repeat(1_001),
            "a".repeat(5_000),
            "%41".repeat(2_000),
            "a".repeat(20_000));

    /** Every endpoint, with {@code V} where a nasty fragment goes. */
    private static final List<String> TARGETS = List.of(
            "/api/v1/feed?place=V",
            "/api/v1/feed?place=fr&scope=V",
            "/api/v1/feed?place=fr&themes=V",
            "/api/v1/feed?place=fr&kinds=V",
            "/api/v1/feed?place=fr&status=V",
            "/api/v1/feed?place=fr&q=V",
            "/api/v1/feed?place=fr&sort=V",
            "/api/v1/feed?place=fr&limit=V",
            "/api/v1/feed?place=fr&cursor=V",
            "/api/v1/feed?place=fr&V=1",
            "/api/v1/feed?V",
            "/api/v1/items/V",
            "/api/v1/items/bordeaux-decidim:V",
            "/api/v1/items?id=V",
            "/api/v1/items?id=https://example.org/V",
            "/api/v1/places/V",
            "/api/v1/places/fr:commune:V",
            "/api/v1/sources?V=1",
            "/api/v1/sources/V/issues",
            "/api/v1/sources/demo/issues?limit=V",
            "/api/v1/openapi.json?V",
            "/health?x=V",
            "/metrics?V=V",
            "/api/v1/themes?lang=V",
            "/api/v1/themes?V=fr",
            "/api/v1/classify?V",
            "/V",
            "/?lang=V",
            "/choose?q=V",
            "/choose?q=Bordeaux&themes=V",
            "/feed?place=V",
            "/feed?place=fr&kinds=V&lang=en",
            "/feed?place=fr&V=1",
            "/feed.atom?place=fr&q=V",
            "/feed.ics?place=fr&cursor=V",
            "/items/V",
            "/items/bordeaux-decidim:V?place=fr",
            "/sources?lang=V",
            "/static/V");

    /** Hostile bodies for {@code POST /api/v1/classify}, sent as {@code application/json}. */
    private static final List<String> NASTY_BODIES = List.of(
            "",
            " ",
            "null",
            "true",
            "0",
            "\"title\"",
            "{}",
            "{\"title\": null}",
            "{\"title\": \"\"}",
            "{\"title\": \"a\"",
            "{\"title\": \"a\"}}",
            "{'title': 'a'}",
            "{title: \"a\"}",
            "{\"title\": \"a\" /* comment */}",
            "{\"title\": NaN}",
            "{\"title\": 1e999999}",
            "{\"title\": 99999999999999999999999999999999}",
            "{\"title\": \"\\u0000\"}",
            "{\"title\": \"\\udc00\\ud800\"}",
            "{\"\\ud800\": \"a\"}",
            "{\"title\": \"a\", \"categoryOverrides\": {\"\\ud800\": \"mobilite\"}}",
            "{\"title\": \"a\", \"categoryOverrides\": {\"x\": \"-\"}}",
            "{\"title\": \"a\", \"categoryOverrides\": {\"x\": \",,\"}}",
            "{\"title\": \"a\", \"categoryOverrides\": {\"\": \"mobilite\"}}",
            "{\"title\": \"a\", \"categories\": [null, \"\", \" \"]}",
            "{\"title\": \"a\", \"categories\": [" + "\"x\",".repeat(150) + "\"x\"]}",
            "{\"title\": \"a\", \"language\": \"\"}",
            "{\"title\": \"a\", \"language\": \"fr-\"}",
            "{\"title\": \"a\", \"language\": \"x-klingon\"}",
            "{\"title\": \"a\", \"description\": \"<script>alert(1)</script><p>vélo</p>\"}",
            "{\"title\": \"\u202evélo\u202c 😀 ﷽\"}",
            "{\"title\": \"" + "😀".repeat(600) + "\"}",
            "{\"title\": \"" + "é".repeat(1_000) + "\"}",
            "{\"title\": {\"a\": {\"b\": {\"c\": []}}}}",
            "{\"title\": \"a\", \"x\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}",
            "[".repeat(5_000),
            "{\"a\":".repeat(3_000),
            "[".repeat(70_000),
            "\ufeff{\"title\": \"a\"}");

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture(false);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void noNastyInputCausesAServerErrorAndEveryErrorIsAProblem() {
        SoftAssertions softly = new SoftAssertions();
        List<Integer> statuses = new ArrayList<>();
        for (String target : TARGETS) {
            for (String nasty : NASTY) {
                String request = target.replace("V", nasty);
                ApiFixture.Answer answer = api.raw(request);
                statuses.add(answer.status());
                String label = request.length() > 120 ? request.substring(0, 120) + "…" : request;

                softly.assertThat(answer.status()).as(label).isBetween(200, 499);
                boolean page = !request.startsWith("/api/")
                        && !request.startsWith("/health")
                        && !request.startsWith("/metrics");
                boolean html = "text/html;charset=utf-8".equals(answer.contentType());
                if (page && html && answer.status() >= 400) {
                    // Outside the API, people read the errors: an HTML page, under the pages'
                    // policy. Requests Jetty rejects before routing stay problems.
                    softly.assertThat(answer.header("content-security-policy"))
                            .as(label)
                            .contains("script-src 'self'")
                            .doesNotContain("unsafe");
                    softly.assertThat(answer.body()).as(label).contains("<h1>");
                } else if (answer.status() >= 400) {
                    softly.assertThat(answer.contentType())
                            .as(label)
                            .isEqualTo("application/problem+json;charset=utf-8");
                    JsonNode problem = parse(answer);
                    softly.assertThat(problem.at("/status").asInt())
                            .as(label)
                            .isEqualTo(answer.status());
                    softly.assertThat(problem.at("/title").asText()).as(label).isNotBlank();
                    softly.assertThat(problem.at("/detail").asText()).as(label).isNotBlank();
                    softly.assertThat(answer.body().length()).as(label).isLessThan(4_000);
                }
                softly.assertThat(answer.header("x-content-type-options"))
                        .as(label)
                        .isEqualTo("nosniff");
            }
        }
        softly.assertAll();

        // The inputs must reach the API, not all be stopped at the door.
        assertThat(statuses).contains(200, 400, 404, 414);
    }

    @Test
    void noNastyBodyCausesAServerErrorAndEveryErrorIsAProblem() {
        SoftAssertions softly = new SoftAssertions();
        List<Integer> statuses = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        NASTY_BODIES.forEach(body -> bodies.add(body.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xFF, '"', '}'});
        bodies.add(new byte[] {
            '{',
            '"',
            't',
            'i',
            't',
            'l',
            'e',
            '"',
            ':',
            '"',
            (byte) 0xED,
            (byte) 0xA0,
            (byte) 0x80,
            '"',
            '}'
        });
        bodies.add(new byte[] {0, 0, 0, 0});
        for (byte[] body : bodies) {
            String text = new String(body, StandardCharsets.UTF_8);
            String label = text.length() > 80 ? text.substring(0, 80) + "…" : text;
            ApiFixture.Answer answer = api.post("/api/v1/classify", "application/json", body);
            statuses.add(answer.status());

            softly.assertThat(answer.status()).as(label).isBetween(200, 499);
            if (answer.status() >= 400) {
                softly.assertThat(answer.contentType())
                        .as(label)
                        .isEqualTo("application/problem+json;charset=utf-8");
                JsonNode problem = parse(answer);
                softly.assertThat(problem.at("/status").asInt())
                        .as(label)
                        .isEqualTo(answer.status());
                softly.assertThat(problem.at("/detail").asText()).as(label).isNotBlank();
                softly.assertThat(answer.body().length()).as(label).isLessThan(4_000);
                if (answer.status() == 400) {
                    softly.assertThat(problem.at("/parameter").asText())
                            .as(label)
                            .isNotBlank();
                }
            }
        }
        softly.assertAll();

        assertThat(statuses).contains(200, 400, 413);
    }

    @Test
    void malformedPercentEncodingInAQueryNamesTheParameter() {
        ApiFixture.Answer answer = api.raw("/api/v1/feed?place=fr&q=%ZZ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("q");
        assertThat(answer.json().at("/detail").asText()).contains("%25");
    }

    @Test
    void invalidUtf8InAQueryNamesTheParameter() {
        ApiFixture.Answer answer = api.raw("/api/v1/feed?place=fr&q=%C3%28");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/parameter").asText()).isEqualTo("q");
        assertThat(answer.json().at("/detail").asText()).contains("UTF-8");
    }

    @Test
    void aHugeValueIsNotEchoedBackWhole() {
        ApiFixture.Answer answer = api.raw("/api/v1/feed?place=" + "x".repeat(900));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain("x".repeat(200));
    }

    @Test
    void aMalformedPathIsAProblemToo() {
        ApiFixture.Answer answer = api.raw("/api/v1/places/%ZZ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/detail").asText()).contains("percent-encode");
    }

    private static JsonNode parse(ApiFixture.Answer answer) {
        try {
            return answer.json();
        } catch (AssertionError e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
