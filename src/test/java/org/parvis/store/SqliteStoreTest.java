package org.parvis.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on an embedded SQLite file in a temporary data directory. */
class SqliteStoreTest extends StoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected JdbcStore openStore() {
        return JdbcStore.open(StoreLocation.sqlite(dataDir.resolve("data")));
    }

    @Test
    void storeLivesInOneFileOfTheDataDirectory() {
        assertThat(dataDir.resolve("data").resolve("parvis.db")).isRegularFile();
    }
}
