package org.parvis.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.http.Context;

import org.jspecify.annotations.Nullable;
import org.parvis.alert.AlertPages;
import org.parvis.alert.AlertService;
import org.parvis.alert.InvalidSubscriptionException;
import org.parvis.alert.RateLimitedException;
import org.parvis.alert.SubscriptionRequest;
import org.parvis.alert.SubscriptionView;
import org.parvis.model.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The e-mail alert endpoints: {@code POST /api/v1/subscriptions} (JSON, answers problems), the
 * feed page's form {@code POST /alerts/subscribe}, and the pages behind the links in mails,
 * {@code /alerts/confirm}, {@code /alerts/manage} and {@code /alerts/unsubscribe} (HTML). A link
 * opened with GET shows a button; POST acts. {@code POST /alerts/unsubscribe?token=…} is the
 * RFC 8058 one-click target named in {@code List-Unsubscribe}.
 *
 * <p>A subscription request gets the same answer whether or not the address is known. When the
 * node has no mail server configured every route answers 503.
 *
 * <p>TODO(#7): requests are limited per client by the connection's address; behind a reverse
 * proxy that is the proxy's, so the limit should read X-Forwarded-For from trusted proxies.
 *
 * <p>Thread-safe when the alert service is.
 */
final class AlertEndpoint {

    static final String SUBSCRIPTIONS = "/api/v1/subscriptions";

    static final int MAX_BODY_BYTES = 16 * 1024;

    /** The answer to an accepted subscription request. */
    record Accepted(String status, String detail) {}

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");
    /**
     * The pages' policy: like the citizen's pages, styles only from this origin and none inline;
     * no script at all, since these pages need none.
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final @Nullable AlertService alerts;

    /** The alert pages, styled by the site's style sheet; null exactly when alerts are. */
    private final @Nullable AlertPages pages;

    /** The endpoints over {@code alerts} (null: off), their pages linking {@code styleSheet}. */
    AlertEndpoint(@Nullable AlertService alerts, String styleSheet) {
        this.alerts = alerts;
        this.pages = alerts == null ? null : alerts.pages().withStyleSheet(styleSheet);
    }

    /** {@code POST /api/v1/subscriptions}. */
    void subscribeJson(Context ctx) {
        QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
        AlertService service = requireAlerts();
        requireMediaType(ctx, "application/json");
        JsonNode body = parseJson(readBody(ctx));
        SubscriptionRequest request;
        try {
            request = SubscriptionRequest.parse(
                    text(body, "email"),
                    text(body, "place"),
                    list(body, "themes"),
                    list(body, "kinds"),
                    text(body, "scope"),
                    text(body, "frequency"),
                    text(body, "language"),
                    service.catalog());
            service.subscribe(request, ctx.ip());
        } catch (InvalidSubscriptionException e) {
            throw Problem.badField(e.field(), e.value(), e.getMessage(), e.allowed())
                    .toException();
        } catch (RateLimitedException e) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            throw Problem.ofStatus(429, "Too Many Requests", e.getMessage()).toException();
        }
        ctx.status(202)
                .contentType(Responses.JSON)
                .result(Responses.bytes(new Accepted(
                        "pending",
                        "if the address can receive mail, a confirmation message is on its way;"
                                + " nothing else is sent before its link is followed")));
    }

    /** {@code POST /alerts/subscribe}: the feed page's form. */
    void subscribeForm(Context ctx) {
        AlertService service = requireAlerts();
        String language = "fr";
        try {
            requireMediaType(ctx, "application/x-www-form-urlencoded");
            QueryParams form = QueryParams.parse(
                    new String(readBody(ctx), StandardCharsets.ISO_8859_1).strip());
            language = form.findSingle("language")
                    .filter(SubscriptionRequest.LANGUAGES::contains)
                    .orElse("fr");
            SubscriptionRequest request = SubscriptionRequest.parse(
                    form.findSingle("email").orElse(null),
                    form.findSingle("place").orElse(null),
                    form.listNonEmptyValues("themes"),
                    form.listNonEmptyValues("kinds"),
                    form.findSingle("scope").orElse(null),
                    form.findSingle("frequency").orElse(null),
                    form.findSingle("language").orElse(null),
                    service.catalog());
            service.subscribe(request, ctx.ip());
        } catch (InvalidSubscriptionException e) {
            page(ctx, 400, pages.refused(language, false, e.getMessage()));
            return;
        } catch (ProblemException e) {
            page(ctx, e.problem().status(), pages.refused(language, false, e.getMessage()));
            return;
        } catch (RateLimitedException e) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            page(ctx, 429, pages.refused(language, true, e.getMessage()));
            return;
        }
        page(ctx, 200, pages.subscribed(language));
    }

    /** {@code GET /alerts/confirm?token=…}: the confirm button. */
    void confirmPage(Context ctx) {
        AlertService service = requireAlerts();
        Optional<String> token = token(ctx, null);
        Optional<SubscriptionView> pending = token.flatMap(service::findPending);
        if (pending.isEmpty()) {
            page(ctx, 404, pages.invalidLink("fr"));
            return;
        }
        page(ctx, 200, pages.confirmForm(pending.get(), token.get()));
    }

    /** {@code POST /alerts/confirm}: confirms. */
    void confirm(Context ctx) {
        AlertService service = requireAlerts();
        Optional<SubscriptionView> confirmed = token(ctx, formOf(ctx)).flatMap(service::confirm);
        if (confirmed.isEmpty()) {
            page(ctx, 404, pages.invalidLink("fr"));
            return;
        }
        page(ctx, 200, pages.confirmed(confirmed.get()));
    }

    /** {@code GET /alerts/manage?token=…}: the change form. */
    void managePage(Context ctx) {
        AlertService service = requireAlerts();
        Optional<String> token = token(ctx, null);
        Optional<SubscriptionView> found = token.flatMap(service::findByManageToken);
        if (found.isEmpty()) {
            page(ctx, 404, pages.invalidLink("fr"));
            return;
        }
        page(ctx, 200, pages.manage(found.get(), token.get(), false));
    }

    /** {@code POST /alerts/manage}: saves the change form. */
    void manage(Context ctx) {
        AlertService service = requireAlerts();
        QueryParams form = formOf(ctx);
        Optional<String> token = token(ctx, form);
        Optional<SubscriptionView> found = token.flatMap(service::findByManageToken);
        if (found.isEmpty()) {
            page(ctx, 404, pages.invalidLink("fr"));
            return;
        }
        String language = found.get().language();
        try {
            // The address cannot be changed (only unsubscribed): a placeholder passes validation
            // and is ignored by update.
            SubscriptionRequest changes = SubscriptionRequest.parse(
                    "unchanged@example.org",
                    form.findSingle("place").orElse(null),
                    form.listNonEmptyValues("themes"),
                    form.listNonEmptyValues("kinds"),
                    form.findSingle("scope").orElse(null),
                    form.findSingle("frequency").orElse(null),
                    form.findSingle("language").orElse(null),
                    service.catalog());
            Optional<SubscriptionView> updated = service.update(token.get(), changes);
            if (updated.isEmpty()) {
                page(ctx, 404, pages.invalidLink(language));
                return;
            }
            page(ctx, 200, pages.manage(updated.get(), token.get(), true));
        } catch (InvalidSubscriptionException | ProblemException e) {
            page(ctx, 400, pages.refused(language, false, e.getMessage()));
        }
    }

    /** {@code GET /alerts/unsubscribe?token=…}: the unsubscribe button. */
    void unsubscribePage(Context ctx) {
        AlertService service = requireAlerts();
        Optional<String> token = token(ctx, null);
        Optional<SubscriptionView> found = token.flatMap(service::findByUnsubscribeToken);
        if (found.isEmpty()) {
            page(ctx, 404, pages.invalidLink("fr"));
            return;
        }
        page(ctx, 200, pages.unsubscribeForm(found.get(), token.get()));
    }

    /**
     * {@code POST /alerts/unsubscribe}: deletes the subscription. The token comes in the query
     * (one-click, RFC 8058: the body is {@code List-Unsubscribe=One-Click}) or in the form.
     */
    void unsubscribe(Context ctx) {
        AlertService service = requireAlerts();
        Optional<String> language = token(ctx, formOf(ctx)).flatMap(service::unsubscribe);
        if (language.isEmpty()) {
            page(ctx, 404, pages.invalidLink("fr"));
            return;
        }
        page(ctx, 200, pages.unsubscribed(language.get()));
    }

    private AlertService requireAlerts() {
        if (alerts == null) {
            throw Problem.ofStatus(
                            503,
                            "Service Unavailable",
                            "e-mail alerts are not enabled on this node: its operator configures"
                                    + " an SMTP server in the mail: block of parvis.yml")
                    .toException();
        }
        return alerts;
    }

    /**
     * The token of the query string, else of the form; empty when missing or not shaped like a
     * token.
     */
    private static Optional<String> token(Context ctx, @Nullable QueryParams form) {
        Optional<String> token;
        try {
            token = QueryParams.parse(ctx.req().getQueryString()).findSingle("token");
            if (token.isEmpty() && form != null) {
                token = form.findSingle("token");
            }
        } catch (ProblemException e) {
            return Optional.empty();
        }
        return token.filter(value -> TOKEN.matcher(value).matches());
    }

    /** The form body of a POST; empty for another content type or a malformed body. */
    private static QueryParams formOf(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return QueryParams.parse(null);
        }
        try {
            return QueryParams.parse(
                    new String(readBody(ctx), StandardCharsets.ISO_8859_1).strip());
        } catch (ProblemException e) {
            return QueryParams.parse(null);
        }
    }

    private static void page(Context ctx, int status, String html) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    private static void requireMediaType(Context ctx, String expected) {
        String contentType = ctx.header("Content-Type");
        String mediaType = contentType == null
                ? ""
                : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(expected)) {
            throw new Problem(
                            Problem.BLANK,
                            "Unsupported Media Type",
                            415,
                            "the body must be sent as Content-Type: " + expected + "; got "
                                    + (contentType == null
                                            ? "no Content-Type"
                                            : "'" + Problem.shown(contentType) + "'"),
                            null,
                            "Content-Type",
                            contentType,
                            List.of(expected))
                    .toException();
        }
    }

    private static byte[] readBody(Context ctx) {
        return RequestBodies.read(
                ctx,
                MAX_BODY_BYTES,
                size -> Problem.ofStatus(
                                413,
                                "Content Too Large",
                                "the body is " + size + "; at most " + MAX_BODY_BYTES
                                        + " bytes are accepted, and a subscription is far"
                                        + " smaller")
                        .toException());
    }

    private static JsonNode parseJson(byte[] bytes) {
        String example = "send a JSON object such as {\"email\": \"name@example.org\","
                + " \"place\": \"fr:commune:33063\", \"frequency\": \"daily\"}";
        try (JsonParser parser = Json.mapper().getFactory().createParser(bytes)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode node = bytes.length == 0 ? null : Json.mapper().readTree(parser);
            if (node == null || !node.isObject() || parser.nextToken() != null) {
                throw Problem.badField(
                                "body",
                                null,
                                "the body must be one JSON object; " + example,
                                SubscriptionRequest.FIELDS)
                        .toException();
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!SubscriptionRequest.FIELDS.contains(name)) {
                    throw Problem.badField(
                                    name,
                                    node.get(name).toString(),
                                    "unknown field '" + Problem.shown(name)
                                            + "'; the body accepts "
                                            + String.join(", ", SubscriptionRequest.FIELDS),
                                    SubscriptionRequest.FIELDS)
                            .toException();
                }
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.badField(
                            "body",
                            null,
                            "the body is not valid JSON in UTF-8: " + e.getOriginalMessage() + "; "
                                    + example,
                            SubscriptionRequest.FIELDS)
                    .toException();
        } catch (IOException e) {
            throw Problem.badRequest(
                            "the request body could not be parsed (" + e.getMessage() + ")")
                    .toException();
        }
    }

    /** A string field, or null when absent or JSON null. */
    private static @Nullable String text(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Problem.badField(
                            name,
                            node.toString(),
                            "field '" + name + "' must be a string; got "
                                    + node.getNodeType().name().toLowerCase(Locale.ROOT),
                            List.of("a string"))
                    .toException();
        }
        return node.textValue();
    }

    /** An array of strings, or empty when absent or JSON null. */
    private static List<String> list(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw Problem.badField(
                            name,
                            node.toString(),
                            "field '" + name + "' must be an array of strings, e.g. [\"mobilite\"]",
                            List.of("an array of strings"))
                    .toException();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw Problem.badField(
                                name,
                                element.toString(),
                                "field '" + name + "' must hold strings only; got "
                                        + element.getNodeType().name().toLowerCase(Locale.ROOT),
                                List.of("an array of strings"))
                        .toException();
            }
            values.add(element.textValue());
        }
        return values;
    }
}
