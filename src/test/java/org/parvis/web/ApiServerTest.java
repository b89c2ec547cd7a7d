package org.parvis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiServerTest {

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
    void healthSaysUpWithTheVersion() {
        ApiFixture.Answer answer = api.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        assertThat(answer.json().at("/status").asText()).isEqualTo("up");
        assertThat(answer.json().at("/version").asText()).isEqualTo("0.1.0-test");
    }

    @Test
    void metricsTimeRequestsByRouteTemplateMethodAndStatus() {
        api.get("/api/v1/places/fr:commune:33063");
        api.get("/api/v1/places/fr:commune:33281");
        api.get("/api/v1/places/fr:commune:99999");
        api.get("/api/v1/items/bordeaux-decidim:Proposal/345?secret=1");
        api.get("/no/such/route");

        ApiFixture.Answer answer = api.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).startsWith("text/plain");
        String metrics = answer.body();
        assertThat(metrics)
                .contains("http_server_requests_seconds_count"
                        + "{method=\"GET\",route=\"/api/v1/places/{id}\","
                        + "status=\"200\"} 2")
                .contains("http_server_requests_seconds_count"
                        + "{method=\"GET\",route=\"/api/v1/places/{id}\","
                        + "status=\"404\"} 1")
                .contains("route=\"/api/v1/items/{key}\",status=\"400\"")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain("33063", "Proposal", "secret", "/no/such/route");
    }

    @Test
    void requestsRejectedBeforeRoutingAreTimedToo() {
        api.raw("/api/v1/places/%ZZ");

        assertThat(api.get("/metrics").body()).contains("route=\"rejected\",status=\"400\"");
    }

    @Test
    void unknownMethodsShareOneMetricSeries() {
        api.send("BREW", "/health");
        api.send("WHATEVER", "/health");

        assertThat(api.get("/metrics").body())
                .contains("method=\"OTHER\",route=\"unmatched\",status=\"405\"")
                .doesNotContain("BREW", "WHATEVER");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (ApiFixture.Answer answer : new ApiFixture.Answer[] {
            api.get("/health"),
            api.get("/api/v1/feed"),
            api.get("/api/v1/nowhere"),
            api.send("DELETE", "/api/v1/sources"),
            api.raw("/api/v1/items/%ZZ"),
        }) {
            assertThat(answer.header("x-content-type-options"))
                    .as(answer.toString())
                    .isEqualTo("nosniff");
            assertThat(answer.header("content-security-policy"))
                    .as(answer.toString())
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.header("referrer-policy"))
                    .as(answer.toString())
                    .isEqualTo("no-referrer");
            assertThat(answer.header("access-control-allow-origin"))
                    .as(answer.toString())
                    .isEqualTo("*");
        }
    }

    @Test
    void webPagesCarryThePagesPolicyWithTheOtherSecurityHeaders() {
        ApiFixture.Answer answer = api.get("/nowhere");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("content-security-policy"))
                .isEqualTo(org.parvis.web.page.Pages.CONTENT_SECURITY_POLICY);
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("referrer-policy")).isEqualTo("no-referrer");
    }

    @Test
    void aCorsPreflightAllowsReadingFromAnyOrigin() {
        ApiFixture.Answer answer = api.send(
                "OPTIONS",
                "/api/v1/feed",
                "Origin",
                "https://example.org",
                "Access-Control-Request-Method",
                "GET",
                "Access-Control-Request-Headers",
                "accept-language");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(answer.header("access-control-allow-methods")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(answer.header("access-control-allow-headers")).isEqualTo("accept-language");
        assertThat(answer.header("access-control-allow-credentials")).isNull();
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        ApiFixture.Answer answer = api.get("/api/v2/feed");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.json().at("/type").asText()).isEqualTo("about:blank");
        assertThat(answer.json().at("/title").asText()).isEqualTo("Not Found");
        assertThat(answer.json().at("/status").asInt()).isEqualTo(404);
        assertThat(answer.json().at("/instance").asText()).isEqualTo("/api/v2/feed");
        assertThat(answer.json().at("/detail").asText()).contains("/api/v1/openapi.json");
    }

    @Test
    void aWrongMethodIsA405ProblemWithAllow() {
        ApiFixture.Answer answer = api.send("POST", "/api/v1/feed?place=fr");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=utf-8");
        assertThat(answer.header("allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(answer.json().at("/detail").asText()).contains("POST", "read-only");
    }

    @Test
    void headAnswersWithoutBodyAndIsTimedUnderItsRoute() {
        ApiFixture.Answer answer = api.send("HEAD", "/api/v1/sources");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(api.get("/metrics").body())
                .contains("http_server_requests_seconds_count"
                        + "{method=\"HEAD\",route=\"/api/v1/sources\","
                        + "status=\"200\"} 1");
    }

    @Test
    void endpointsWithoutParametersRejectAnyParameter() {
        for (String path : new String[] {
            "/health?x=1", "/metrics?x=1", "/api/v1/sources?x=1", "/api/v1/openapi.json?x=1"
        }) {
            ApiFixture.Answer answer = api.get(path);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.json().at("/parameter").asText()).as(path).isEqualTo("x");
        }
    }

    @Test
    void aSecondServerCanRunBesideTheFirstOnAnotherRandomPort() {
        try (ApiFixture other = new ApiFixture(false)) {
            assertThat(other.server.port()).isNotEqualTo(api.server.port()).isPositive();
            assertThat(other.get("/health").status()).isEqualTo(200);
        }
    }
}
