package org.parvis.store;

import org.jspecify.annotations.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the store lives: an embedded SQLite file ({@code jdbc:sqlite:/path/parvis.db}) or a
 * PostgreSQL database ({@code jdbc:postgresql://host:port/db}), with optional credentials.
 *
 * <p>{@code user} and {@code password} parameters found in a PostgreSQL URL are moved into the
 * {@code user} and {@code password} components, so {@link #jdbcUrl()} never carries a password
 * and can be handed to a connection pool that logs it. {@link #toString()} and {@link
 * #describe()} never show the password.
 *
 * <p>Immutable and thread-safe.
 */
public record StoreLocation(
        String jdbcUrl, @Nullable String user, @Nullable String password) {

    /** The file name of the embedded database inside the data directory. */
    public static final String SQLITE_FILE_NAME = "parvis.db";

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql://";
    private static final String ALLOWED_FORMS =
            "expected jdbc:postgresql://host:port/database?user=…"
                    + " or jdbc:sqlite:/path/to/parvis.db";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&]*");
    private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

    public StoreLocation {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("the store URL is empty; " + ALLOWED_FORMS);
        }
        jdbcUrl = jdbcUrl.strip();
        if (jdbcUrl.startsWith(SQLITE_PREFIX)) {
            requireSqliteFile(jdbcUrl);
        } else if (jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            PostgresUrl parsed = PostgresUrl.split(jdbcUrl);
            user = merge("user", user, parsed.user(), jdbcUrl);
            password = merge("password", password, parsed.password(), jdbcUrl);
            jdbcUrl = parsed.urlWithoutCredentials();
        } else {
            throw new IllegalArgumentException(
                    "unsupported store URL '" + redact(jdbcUrl) + "'; " + ALLOWED_FORMS);
        }
    }

    /** The embedded store in {@code dataDir}: the file {@code <dataDir>/parvis.db}. */
    public static StoreLocation sqlite(Path dataDir) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(SQLITE_FILE_NAME);
        return new StoreLocation(SQLITE_PREFIX + file, null, null);
    }

    /**
     * Parses {@code jdbc:postgresql://host:port/db?user=…&password=…} or {@code
     * jdbc:sqlite:<file>};
     * throws {@link IllegalArgumentException} naming the value and the allowed forms otherwise.
     */
    public static StoreLocation parse(String jdbcUrl) {
        return new StoreLocation(jdbcUrl, null, null);
    }

    /** Whether this is the embedded SQLite store. */
    public boolean isSqlite() {
        return jdbcUrl.startsWith(SQLITE_PREFIX);
    }

    /** The SQLite database file, empty for PostgreSQL. */
    public Optional<Path> findSqliteFile() {
        if (!isSqlite()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(sqliteFileName(jdbcUrl)));
    }

    /** A description safe for logs: the database kind and place, without query or credentials. */
    public String describe() {
        if (isSqlite()) {
            return "sqlite:" + sqliteFileName(jdbcUrl);
        }
        String withoutQuery = jdbcUrl.split("\\?", 2)[0];
        return USER_INFO.matcher(withoutQuery.substring("jdbc:".length())).replaceFirst("//");
    }

    @Override
    public String toString() {
        return "StoreLocation[" + describe() + (user == null ? "" : ", user " + user) + "]";
    }

    /** Masks passwords in a URL that is about to appear in a message. */
    static String redact(String url) {
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//***@");
    }

    private static void requireSqliteFile(String jdbcUrl) {
        String file = sqliteFileName(jdbcUrl);
        if (file.isBlank() || file.equals(":memory:") || jdbcUrl.contains("mode=memory")) {
            throw new IllegalArgumentException("SQLite store URL '" + jdbcUrl
                    + "' names no file; the store must persist, so give a file, e.g."
                    + " jdbc:sqlite:/var/lib/parvis/parvis.db");
        }
    }

    private static String sqliteFileName(String jdbcUrl) {
        String rest = jdbcUrl.substring(SQLITE_PREFIX.length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        return rest.split("\\?", 2)[0];
    }

    private static @Nullable String merge(
            String name, @Nullable String given, @Nullable String inUrl, String jdbcUrl) {
        if (given != null && inUrl != null && !given.equals(inUrl)) {
            throw new IllegalArgumentException(
                    "store URL '" + redact(jdbcUrl) + "' names a different " + name
                            + " than the one given separately; give it only once");
        }
        return given != null ? given : inUrl;
    }

    /** A PostgreSQL URL split into the URL without credentials, the user and the password. */
    private record PostgresUrl(
            String urlWithoutCredentials,
            @Nullable String user,
            @Nullable String password) {

        static PostgresUrl split(String jdbcUrl) {
            String[] parts = jdbcUrl.split("\\?", 2);
            if (parts[0].length() == POSTGRES_PREFIX.length() || parts[0].contains("@")) {
                throw new IllegalArgumentException("malformed PostgreSQL store URL '"
                        + redact(jdbcUrl) + "'; " + ALLOWED_FORMS
                        + " (credentials go in the user and password parameters)");
            }
            String user = null;
            String password = null;
            List<String> kept = new ArrayList<>();
            if (parts.length == 2) {
                for (String param : parts[1].split("&")) {
                    String[] pair = param.split("=", 2);
                    String value = pair.length == 2
                            ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8)
                            : "";
                    if (pair[0].equals("user")) {
                        user = value;
                    } else if (pair[0].equals("password")) {
                        password = value;
                    } else if (!param.isEmpty()) {
                        kept.add(param);
                    }
                }
            }
            String url = kept.isEmpty() ? parts[0] : parts[0] + "?" + String.join("&", kept);
            return new PostgresUrl(url, user, password);
        }
    }
}
