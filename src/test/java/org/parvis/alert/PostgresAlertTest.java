package org.parvis.alert;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.parvis.store.JdbcStore;
import org.parvis.store.StoreLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * E-mail alerts on a real PostgreSQL server named by {@code PARVIS_TEST_POSTGRES_URL}, one fresh
 * schema per test. Skipped without the variable, unless {@code CI=true}, where it fails.
 */
class PostgresAlertTest extends AlertContractTest {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresAlertTest.class);

    private static final String URL_VARIABLE = "PARVIS_TEST_POSTGRES_URL";

    private static String serverUrl;

    private @Nullable String schema;

    @BeforeAll
    static void requirePostgres() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String how = URL_VARIABLE + " is not set; set it to a PostgreSQL server the tests may"
                    + " create schemas in, e.g."
                    + " jdbc:postgresql://127.0.0.1:55432/postgres?user=parvis (.ci/run starts"
                    + " one)";
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL alert tests cannot run under CI=true: " + how);
            }
            LOG.warn("PostgreSQL alert tests skipped: {}", how);
            assumeTrue(false, "PostgreSQL alert tests skipped: " + how);
        }
        serverUrl = url.strip();
    }

    @Override
    protected JdbcStore openStore() {
        schema = "parvis_alert_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE SCHEMA " + schema);
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
