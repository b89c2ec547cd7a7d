package org.parvis.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store contract on a real PostgreSQL server named by {@code PARVIS_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=parvis}). Each test gets a fresh schema,
 * dropped afterwards. Without the variable the tests are skipped, unless {@code CI=true}, where
 * they fail.
 */
class PostgresStoreTest extends StoreContractTest {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStoreTest.class);

    private static final String URL_VARIABLE = "PARVIS_TEST_POSTGRES_URL";

    private static String serverUrl;

    private @Nullable String schema;

    @BeforeAll
    static void requirePostgres() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String how =
                    URL_VARIABLE + " is not set; set it to a PostgreSQL server the tests may create"
                            + " schemas in, e.g. "
                            + "jdbc:postgresql://127.0.0.1:55432/postgres?user=parvis"
                            + " (.ci/run starts one)";
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL store tests cannot run under CI=true: " + how);
            }
            LOG.warn("PostgreSQL store tests skipped: {}", how);
            assumeTrue(false, "PostgreSQL store tests skipped: " + how);
        }
        serverUrl = url.strip();
    }

    @Override
    protected JdbcStore openStore() {
        if (schema == null) {
            schema = "parvis_test_"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute("CREATE SCHEMA " + schema);
        }
        String separator = serverUrl.contains("?") ? "&" : "?";
        return JdbcStore.open(
                StoreLocation.parse(serverUrl + separator + "currentSchema=" + schema));
    }

    @Override
    protected void dropDatabase() {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot run '" + sql + "' on the test PostgreSQL server", e);
        }
    }
}
