package org.parvis.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.Licence;
import org.parvis.source.SourceConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node's configuration file, {@code parvis.yml}: the contact URL sent to the platforms and the
 * sources to harvest. Unknown keys are refused (a typo must not silently drop a setting), and every
 * error names the file, the source and the fix.
 *
 * <pre>
 * contact: https://my-node.example.org/about
 * sources:
 *   - id: bordeaux-participation
 *     kind: unified-json
 *     baseUrl: https://participation.example.org
 *     name: Participation Bordeaux
 *     organiser: Bordeaux Métropole        # optional default organiser
 *     territory: fr:epci:243300316         # optional default territory
 *     locales: [fr]                        # default [fr]
 *     interval: 6h                         # 30m, 6h, 1d or ISO-8601 (PT6H); default 6h
 *     licence: {id: ODbL-1.0, url: https://opendatacommons.org/licenses/odbl/1-0/}
 *     requestsPerMinute: 60                # per-host rate cap; default 60
 *     categoryThemes:                      # optional: source category → theme ids (or -)
 *       "Cadre de vie": cadre_de_vie,environnement
 *     scopes:                              # optional: scope label → area id
 *       "Quartier Bastide": fr:commune:33063
 * mail:                                    # optional: e-mail alerts, see {@link MailConfig}
 *   host: smtp.example.org
 *   from: Parvis &lt;alertes@example.org&gt;
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
record ParvisConfig(URI contact, List<SourceConfig> sources, MailConfig mail) {

    /** The file read when {@code --config} is not given, if it exists. */
    static final Path DEFAULT_FILE = Path.of("parvis.yml");

    static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);

    static final String SOURCE_PREFIX = "PARVIS_SOURCE_";

    /** The source settings an environment variable can override. */
    static final List<String> SOURCE_VARIABLES = List.of(
            "BASE_URL",
            "NAME",
            "ORGANISER",
            "TERRITORY",
            "LOCALES",
            "INTERVAL",
            "REQUESTS_PER_MINUTE");

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    ParvisConfig {
        sources = List.copyOf(sources);
        mail = mail == null ? MailConfig.NONE : mail;
    }

    /** A configuration without a {@code mail:} block. */
    ParvisConfig(URI contact, List<SourceConfig> sources) {
        this(contact, sources, MailConfig.NONE);
    }

    /** No sources, default contact: a node that serves what its store already holds. */
    static ParvisConfig empty() {
        return new ParvisConfig(Version.DEFAULT_CONTACT, List.of());
    }

    /** The file's raw shape. */
    record FileShape(
            @Nullable String contact,
            @Nullable List<SourceShape> sources,
            @Nullable MailConfig mail) {}

    /** One source as written in the file. */
    record SourceShape(
            @Nullable String id,
            @Nullable String kind,
            @Nullable String baseUrl,
            @Nullable String name,
            @Nullable String organiser,
            @Nullable String territory,
            @Nullable List<String> locales,
            @Nullable String interval,
            @Nullable LicenceShape licence,
            @Nullable Boolean sample,
            @Nullable Map<String, String> categoryThemes,
            @Nullable Map<String, String> scopes,
            @Nullable Integer requestsPerMinute) {}

    /** A licence as written in the file. */
    record LicenceShape(
            @Nullable String id,
            @Nullable String url,
            @Nullable String attribution) {}

    /**
     * Reads the file given with {@code --config}, else {@code ./parvis.yml} when it exists, else
     * an empty configuration; the environment's variables win over the file (see {@link
     * #read(Path, Map)}).
     */
    static ParvisConfig load(@Nullable Path file) {
        Map<String, String> env = System.getenv();
        if (file == null) {
            return Files.isRegularFile(DEFAULT_FILE)
                    ? read(DEFAULT_FILE, env)
                    : fromShape(Path.of("(no configuration file)"), EMPTY_SHAPE, env);
        }
        return read(file, env);
    }

    /** Reads and validates a configuration file, without environment overrides. */
    static ParvisConfig read(Path file) {
        return read(file, Map.of());
    }

    /**
     * Reads and validates a configuration file with the environment's overrides, which win over
     * it (a deployment changes a URL or a rate without editing the file): {@code PARVIS_CONTACT};
     * for a source whose id is {@code bordeaux-participation}, {@code
     * PARVIS_SOURCE_BORDEAUX_PARTICIPATION_<KEY>} with a key of {@link #SOURCE_VARIABLES}; the
     * mail block's {@code PARVIS_MAIL_*} variables ({@link MailConfig#withEnvironment}). The
     * values are validated like the file's. A {@code PARVIS_SOURCE_} variable that names no
     * configured source or no key is refused, so that a typo does not go unnoticed.
     */
    static ParvisConfig read(Path file, Map<String, String> env) {
        FileShape shape = parse(file);
        return fromShape(file, shape == null ? EMPTY_SHAPE : shape, env);
    }

    private static final FileShape EMPTY_SHAPE = new FileShape(null, null, null);

    private static ParvisConfig fromShape(Path file, FileShape shape, Map<String, String> env) {
        FileShape overridden = withEnvironment(shape, env);
        return new ParvisConfig(
                contact(file, overridden.contact()),
                sources(file, overridden.sources()),
                overridden.mail() == null ? MailConfig.NONE : overridden.mail());
    }

    /** The file's shape with the environment's values in place of the file's. */
    private static FileShape withEnvironment(FileShape shape, Map<String, String> env) {
        List<SourceShape> sources = shape.sources() == null ? List.of() : shape.sources();
        List<String> ids =
                sources.stream().map(SourceShape::id).filter(id -> id != null).toList();
        for (String variable : new TreeSet<>(env.keySet())) {
            boolean known = !variable.startsWith(SOURCE_PREFIX)
                    || ids.stream()
                            .map(ParvisConfig::sourcePrefix)
                            .anyMatch(prefix -> variable.startsWith(prefix)
                                    && SOURCE_VARIABLES.contains(
                                            variable.substring(prefix.length())));
            if (!known) {
                throw new ParvisConfigException("environment variable " + variable
                        + " names no configured source and setting; expected " + SOURCE_PREFIX
                        + "<SOURCE ID in capitals, - as _>_<KEY> with a source of " + ids
                        + " and a key of " + SOURCE_VARIABLES);
            }
        }

        List<SourceShape> overridden = new ArrayList<>();
        for (SourceShape source : sources) {
            if (source.id() == null) {
                overridden.add(source);
                continue;
            }
            String prefix = sourcePrefix(source.id());
            Map<String, String> set = new LinkedHashMap<>();
            for (String key : SOURCE_VARIABLES) {
                String value = env.get(prefix + key);
                if (value != null && !value.isBlank()) {
                    set.put(key, value.strip());
                }
            }
            String locales = set.get("LOCALES");
            String rate = set.get("REQUESTS_PER_MINUTE");
            Integer requestsPerMinute;
            try {
                requestsPerMinute =
                        rate == null ? source.requestsPerMinute() : Integer.valueOf(rate);
            } catch (NumberFormatException e) {
                throw new ParvisConfigException(
                        prefix + "REQUESTS_PER_MINUTE '" + rate
                                + "' is not a whole number; give requests per minute, e.g. 60",
                        e);
            }
            overridden.add(new SourceShape(
                    source.id(),
                    source.kind(),
                    set.getOrDefault("BASE_URL", source.baseUrl()),
                    set.getOrDefault("NAME", source.name()),
                    set.getOrDefault("ORGANISER", source.organiser()),
                    set.getOrDefault("TERRITORY", source.territory()),
                    locales == null ? source.locales() : List.of(locales.split("\\s*,\\s*")),
                    set.getOrDefault("INTERVAL", source.interval()),
                    source.licence(),
                    source.sample(),
                    source.categoryThemes(),
                    source.scopes(),
                    requestsPerMinute));
        }
        String contact = env.get("PARVIS_CONTACT");
        MailConfig mail = shape.mail() == null ? MailConfig.NONE : shape.mail();
        return new FileShape(
                contact == null || contact.isBlank() ? shape.contact() : contact,
                overridden,
                mail.withEnvironment(env));
    }

    private static String sourcePrefix(String sourceId) {
        return SOURCE_PREFIX + sourceId.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /** The file's shape, null for an empty file; throws naming what is wrong and where. */
    private static @Nullable FileShape parse(Path file) {
        FileShape shape;
        try {
            shape = YAML.readValue(Files.readAllBytes(file), FileShape.class);
        } catch (NoSuchFileException e) {
            throw new ParvisConfigException("configuration file " + file.toAbsolutePath()
                    + " does not exist; create it (see parvis serve --help) or pass "
                    + "another with --config");
        } catch (UnrecognizedPropertyException e) {
            throw new ParvisConfigException(
                    file + ": unknown key '" + e.getPropertyName() + "'" + where(e)
                            + "; expected one of "
                            + new TreeSet<>(e.getKnownPropertyIds().stream()
                                    .map(String::valueOf)
                                    .toList()));
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new ParvisConfigException(
                    file + where + " is not valid configuration: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParvisConfigException(
                    "cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        return shape;
    }

    /** Where in the file a key was met, e.g. " in sources #2" (empty at the top level). */
    private static String where(JsonMappingException e) {
        StringBuilder where = new StringBuilder();
        List<JsonMappingException.Reference> path = e.getPath();
        for (JsonMappingException.Reference step : path.subList(0, Math.max(0, path.size() - 1))) {
            if (step.getIndex() >= 0) {
                where.append(" #").append(step.getIndex() + 1);
            } else if (step.getFieldName() != null) {
                where.append(where.length() == 0 ? "" : " >")
                        .append(' ')
                        .append(step.getFieldName());
            }
        }
        return where.length() == 0 ? "" : " in" + where;
    }

    /** The sources with these ids, or all when {@code ids} is empty; throws naming unknown ids. */
    List<SourceConfig> selectSources(List<String> ids) {
        if (ids.isEmpty()) {
            return sources;
        }
        List<String> known = sources.stream().map(SourceConfig::id).toList();
        List<SourceConfig> selected = new ArrayList<>();
        for (String id : ids) {
            SourceConfig source = sources.stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new ParvisConfigException(
                            "no source '" + id + "' is configured; configured sources: " + known));
            selected.add(source);
        }
        return selected;
    }

    private static URI contact(Path file, @Nullable String contact) {
        if (contact == null || contact.isBlank()) {
            return Version.DEFAULT_CONTACT;
        }
        try {
            URI uri = new URI(contact.strip());
            if (uri.getScheme() == null
                    || !Set.of("https", "http", "mailto").contains(uri.getScheme())) {
                throw new ParvisConfigException(file + ": contact '" + contact
                        + "' must be an https:// page or a mailto: address where "
                        + "platform operators can reach you");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ParvisConfigException(
                    file + ": contact '" + contact + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static List<SourceConfig> sources(Path file, @Nullable List<SourceShape> shapes) {
        List<SourceConfig> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int position = 0;
        for (SourceShape shape : shapes == null ? List.<SourceShape>of() : shapes) {
            position++;
            String where = file + ", source #" + position
                    + (shape.id() == null ? "" : " ('" + shape.id() + "')");
            SourceConfig source;
            try {
                source = source(shape);
            } catch (IllegalArgumentException e) {
                throw new ParvisConfigException(where + ": " + e.getMessage(), e);
            }
            if (!ids.add(source.id())) {
                throw new ParvisConfigException(where + ": source id '" + source.id()
                        + "' is used twice; give each source its own id");
            }
            sources.add(source);
        }
        return sources;
    }

    private static SourceConfig source(SourceShape shape) {
        if (shape.baseUrl() == null) {
            throw new IllegalArgumentException(
                    "'baseUrl' is required, e.g. https://participer.example.fr");
        }
        URI baseUrl;
        try {
            baseUrl = new URI(shape.baseUrl().strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(
                    "baseUrl '" + shape.baseUrl() + "' is not a URL: " + e.getMessage(), e);
        }
        LicenceShape licence = shape.licence();
        return new SourceConfig(
                shape.id(),
                shape.kind(),
                baseUrl,
                shape.name(),
                shape.organiser(),
                shape.territory() == null
                        ? null
                        : AreaId.parse(shape.territory().strip()),
                shape.locales(),
                shape.interval() == null ? DEFAULT_INTERVAL : parseDuration(shape.interval()),
                licence == null
                        ? Licence.UNKNOWN
                        : new Licence(licence.id(), licence.url(), licence.attribution()),
                Boolean.TRUE.equals(shape.sample()),
                shape.categoryThemes() == null ? Map.of() : shape.categoryThemes(),
                scopes(shape.scopes()),
                shape.requestsPerMinute() == null
                        ? SourceConfig.DEFAULT_REQUESTS_PER_MINUTE
                        : shape.requestsPerMinute());
    }

    private static Map<String, AreaId> scopes(@Nullable Map<String, String> scopes) {
        Map<String, AreaId> parsed = new LinkedHashMap<>();
        if (scopes == null) {
            return parsed;
        }
        scopes.forEach((label, area) -> {
            if (area == null || !AreaId.isValid(area.strip())) {
                throw new IllegalArgumentException("scope '" + label + "' is mapped to '" + area
                        + "', which is not an area id; write e.g. fr:commune:33063 or "
                        + "local:bordeaux:bastide");
            }
            parsed.put(label, AreaId.parse(area.strip()));
        });
        return parsed;
    }

    /** Parses {@code 90s}, {@code 30m}, {@code 6h}, {@code 1d} or ISO-8601 ({@code PT6H}). */
    static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT_DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "interval '" + text + "' is not a duration; write e.g. 30m, 6h, 1d or PT6H", e);
        }
    }
}
