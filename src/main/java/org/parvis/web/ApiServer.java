package org.parvis.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.Endpoint;

import org.jspecify.annotations.Nullable;
import org.parvis.alert.AlertPaths;
import org.parvis.model.Json;
import org.parvis.theme.ThemeCatalog;
import org.parvis.theme.ThemeClassifier;
import org.parvis.web.page.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP API of a Parvis node, on Javalin and Jetty: the feed, items, places, sources and their
 * issues, themes, health, Prometheus metrics and the OpenAPI document that describes them all, all
 * read-only, plus {@code POST /api/v1/classify}, which computes themes for a text and stores
 * nothing, and the e-mail alert subscription endpoints and pages of {@link AlertEndpoint}.
 *
 * <p>Every error is an RFC 9457 problem ({@code application/problem+json}), including unknown
 * routes, wrong methods and the malformed requests Jetty rejects itself. Every answer carries the
 * security headers of {@link SecurityHeaders}. Every request is timed in {@value
 * HttpMetrics#TIMER}.
 *
 * <p>Thread-safe. The server owns its Jetty threads; {@link #close()} stops it. It does not own
 * the context's store, feed or registry.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    static final String OPENAPI_RESOURCE = "/org/parvis/web/openapi.json";

    private static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final String POST_METHODS = "POST, OPTIONS";
    private static final String GET_AND_POST_METHODS = "GET, HEAD, POST, OPTIONS";
    private static final Pattern HEADER_LIST =
            Pattern.compile("[A-Za-z0-9-]+(\\s*,\\s*[A-Za-z0-9-]+)*");

    private final Javalin app;
    private final Set<String> pagePaths;

    /** A route: GET (answering HEAD too) or POST, its Javalin path template and its handler. */
    private record Route(HandlerType method, String path, Handler handler) {

        Route(String path, Handler handler) {
            this(HandlerType.GET, path, handler);
        }

        String allowedMethods() {
            return method == HandlerType.GET ? ALLOWED_METHODS : POST_METHODS;
        }
    }

    /** The body of {@code GET /health}. */
    record Health(String status, String version) {}

    private ApiServer(Javalin app, Set<String> pagePaths) {
        this.app = app;
        this.pagePaths = Set.copyOf(pagePaths);
    }

    /**
     * Starts the API on {@code host}:{@code port} ({@code port} 0 picks a free port, see {@link
     * #port()}). Throws when the port cannot be bound.
     */
    public static ApiServer start(ApiContext api, String host, int port) {
        ThemeCatalog themes = ThemeCatalog.loadDefault();
        Pages pages = new Pages(api, themes, Clock.systemUTC());
        List<Route> routes = routes(api, themes, pages);
        HttpMetrics metrics = new HttpMetrics(api.metrics());
        Javalin app = Javalin.create(config -> configure(config, routes, metrics, pages));
        app.start(host, port);
        LOG.info(
                "HTTP API listening on {}:{} ({} routes, version {})",
                host,
                app.port(),
                routes.size(),
                api.version());
        return new ApiServer(app, pages.routes().keySet());
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        app.stop();
    }

    /**
     * The GET and POST routes the server answers, as registered in Javalin, each as method and
     * OpenAPI path ({@code GET /api/v1/items/{key}}). HEAD and OPTIONS accompany them. The
     * citizen's pages ({@link Pages}) are not part of the API and are not listed; the alert
     * endpoints, which mail links and forms of other sites call, are.
     */
    List<String> listRoutes() {
        List<String> routes = new ArrayList<>();
        app.unsafe.internalRouter.allHttpHandlers().forEach(parsed -> {
            Endpoint endpoint = parsed.endpoint;
            boolean api = !pagePaths.contains(endpoint.path);
            if (api
                    && (endpoint.method.equals(HandlerType.GET)
                            || endpoint.method.equals(HandlerType.POST))) {
                routes.add(endpoint.method.name() + " " + openApiPath(endpoint.path));
            }
        });
        return routes;
    }

    private static List<Route> routes(ApiContext api, ThemeCatalog themeCatalog, Pages pages) {
        FeedEndpoint feed = new FeedEndpoint(api);
        ItemEndpoint items = new ItemEndpoint(api);
        PlaceEndpoint places = new PlaceEndpoint(api.gazetteer());
        PlaceSearchEndpoint placeSearch = new PlaceSearchEndpoint(api.places());
        SourceEndpoint sources = new SourceEndpoint(api);
        ThemesEndpoint themes = new ThemesEndpoint(themeCatalog);
        // The classifier's holder builds it on the first classification, not at start-up.
        ClassifyEndpoint classify = new ClassifyEndpoint(ThemeClassifier::loadDefault);
        AlertEndpoint alerts = new AlertEndpoint(api.alerts(), pages.styleSheetHref());
        byte[] openApi = openApiDocument(api.version());
        List<Route> routes = new ArrayList<>();
        // The citizen's HTML pages, with the feed's Atom and iCalendar twins.
        pages.routes().forEach((path, handler) -> routes.add(new Route(path, handler)));
        routes.addAll(List.of(
                new Route(FeedRequest.PATH, feed::handle),
                new Route(ItemEndpoint.BY_KEY, items::handleByKey),
                new Route(ItemEndpoint.BY_ID, items::handleById),
                // Before the {id} route, which would otherwise take "at" as an id.
                new Route(PlaceSearchEndpoint.SEARCH, placeSearch::handleSearch),
                new Route(PlaceSearchEndpoint.AT, placeSearch::handleAt),
                new Route(PlaceEndpoint.PATH, places::handle),
                new Route(SourceEndpoint.LIST, sources::handleList),
                new Route(SourceEndpoint.ISSUES, sources::handleIssues),
                new Route(ThemesEndpoint.PATH, themes::handle),
                new Route(HandlerType.POST, ClassifyEndpoint.PATH, classify::handle),
                new Route(HandlerType.POST, AlertEndpoint.SUBSCRIPTIONS, alerts::subscribeJson),
                new Route(HandlerType.POST, AlertPaths.SUBSCRIBE, alerts::subscribeForm),
                new Route(AlertPaths.CONFIRM, alerts::confirmPage),
                new Route(HandlerType.POST, AlertPaths.CONFIRM, alerts::confirm),
                new Route(AlertPaths.MANAGE, alerts::managePage),
                new Route(HandlerType.POST, AlertPaths.MANAGE, alerts::manage),
                new Route(AlertPaths.UNSUBSCRIBE, alerts::unsubscribePage),
                new Route(HandlerType.POST, AlertPaths.UNSUBSCRIBE, alerts::unsubscribe),
                new Route("/api/v1/openapi.json", ctx -> {
                    QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
                    ctx.status(200).contentType(Responses.JSON).result(openApi);
                }),
                new Route("/health", ctx -> {
                    QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
                    Responses.json(ctx, new Health("up", api.version()));
                }),
                new Route("/metrics", ctx -> {
                    QueryParams.parse(ctx.req().getQueryString()).requireOnly(List.of());
                    ctx.status(200)
                            .contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(api.metrics().scrape());
                })));
        return List.copyOf(routes);
    }

    private static void configure(
            JavalinConfig config, List<Route> routes, HttpMetrics metrics, Pages pages) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.defaultContentType = Responses.JSON;
        config.jetty.modifyServer(
                server -> server.setErrorHandler(new ProblemErrorHandler(metrics)));
        config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));

        config.routes.before(ctx -> SecurityHeaders.apply(ctx::header));
        // A path may have a GET and a POST route (the alert pages): one OPTIONS answer for both.
        Map<String, String> allowedByPath = new LinkedHashMap<>();
        for (Route route : routes) {
            if (route.method() == HandlerType.POST) {
                config.routes.post(route.path(), route.handler());
            } else {
                config.routes.get(route.path(), route.handler());
                // Javalin answers HEAD from the GET handler anyway; declaring it names the route in
                // metrics.
                config.routes.head(route.path(), route.handler());
            }
            allowedByPath.merge(route.path(), route.allowedMethods(), ApiServer::bothMethods);
        }
        allowedByPath.forEach(
                (path, allowed) -> config.routes.options(path, ctx -> options(ctx, allowed)));
        Map<String, String> postPaths = new HashMap<>(allowedByPath);
        postPaths.values().removeIf(ALLOWED_METHODS::equals);

        config.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.problem()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404 && Pages.isPagePath(ctx.path())) {
                pages.notFound(ctx);
                return;
            }
            httpError(
                    e,
                    ctx,
                    postPaths.getOrDefault(withoutTrailingSlash(ctx.path()), ALLOWED_METHODS));
        });
        config.routes.exception(
                IllegalArgumentException.class,
                (e, ctx) -> problem(ctx, FeedRequest.fromMessage(e.getMessage())));
        config.routes.exception(
                NoSuchElementException.class,
                (e, ctx) -> problem(ctx, Problem.notFound(String.valueOf(e.getMessage()))));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), routeOf(ctx), e);
            problem(
                    ctx,
                    Problem.ofStatus(
                            500,
                            "Internal Server Error",
                            "the server failed to answer; the error is logged; try again later"));
        });
        config.router.javaLangErrorHandler((response, error) -> {
            LOG.error("request failed with {}", error.getClass().getName(), error);
            response.setStatus(500);
            response.setContentType(Responses.PROBLEM_JSON);
            try {
                response.getOutputStream()
                        .write(Responses.bytes(Problem.ofStatus(
                                500,
                                "Internal Server Error",
                                "the server failed to answer; try again later")));
            } catch (IOException | RuntimeException writeError) {
                LOG.debug("could not write the error answer", writeError);
            }
        });

        config.requestLogger.http((ctx, millis) -> {
            String route = routeOf(ctx);
            metrics.record(
                    ctx.method().name(), route, ctx.statusCode(), millis == null ? 0 : millis);
            LOG.debug("{} {} {} {} ms", ctx.method().name(), route, ctx.statusCode(), millis);
        });
    }

    /**
     * Answers a CORS preflight, or a plain OPTIONS request with the allowed methods. A POST route
     * always allows {@code Content-Type}, which its JSON body needs.
     */
    private static void options(Context ctx, String allowed) {
        if (ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", allowed);
            String requested = ctx.header("Access-Control-Request-Headers");
            boolean valid = requested != null
                    && requested.length() <= 500
                    && HEADER_LIST.matcher(requested).matches();
            if (valid) {
                ctx.header("Access-Control-Allow-Headers", requested);
            } else if (allowed.contains("POST")) {
                ctx.header("Access-Control-Allow-Headers", "Content-Type");
            }
            ctx.header("Access-Control-Max-Age", "86400");
        }
        ctx.header("Allow", allowed);
        ctx.status(204);
    }

    private static String bothMethods(String first, String second) {
        return first.equals(second) ? first : GET_AND_POST_METHODS;
    }

    private static void httpError(HttpResponseException e, Context ctx, String allowed) {
        int status = e.getStatus();
        String path = ctx.req().getRequestURI();
        Problem problem;
        if (status == 404) {
            problem = Problem.ofStatus(
                    404,
                    "Not Found",
                    "no resource at " + Problem.shown(path)
                            + "; the API is described by GET /api/v1/openapi.json");
        } else if (status == 405) {
            ctx.header("Allow", allowed);
            String use = allowed.equals(ALLOWED_METHODS)
                    ? "; this resource is read-only: use "
                    : "; use ";
            problem = Problem.ofStatus(
                    405,
                    "Method Not Allowed",
                    "method " + Problem.shown(ctx.method().name()) + " is not allowed on "
                            + Problem.shown(path) + use + allowed);
        } else {
            String title = HttpStatus.forStatus(status).getMessage();
            problem = Problem.ofStatus(status, title, String.valueOf(e.getMessage()));
        }
        problem(ctx, problem);
    }

    private static void problem(Context ctx, Problem problem) {
        SecurityHeaders.apply(ctx::header);
        Responses.problem(ctx, problem.at(ctx.req().getRequestURI()));
    }

    private static @Nullable String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? null : openApiPath(endpoint.path);
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }

    /**
     * Javalin's {@code <key>} (a parameter that may contain slashes) is {@code {key}} in OpenAPI.
     */
    static String openApiPath(String javalinPath) {
        return javalinPath.replace('<', '{').replace('>', '}');
    }

    private static byte[] openApiDocument(String version) {
        try (InputStream in = ApiServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + OPENAPI_RESOURCE + " is missing from the build");
            }
            JsonNode document = Json.mapper().readTree(in);
            ((ObjectNode) document.get("info")).put("version", version);
            return Responses.bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }
}
