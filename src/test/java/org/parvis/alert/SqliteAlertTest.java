package org.parvis.alert;

import org.junit.jupiter.api.io.TempDir;
import org.parvis.store.JdbcStore;
import org.parvis.store.StoreLocation;

import java.nio.file.Path;

/** E-mail alerts on the embedded SQLite store. */
class SqliteAlertTest extends AlertContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected JdbcStore openStore() {
        return JdbcStore.open(StoreLocation.sqlite(dataDir.resolve("data")));
    }
}
