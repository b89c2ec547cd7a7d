package org.parvis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class StoreLocationTest {

    @Test
    void sqliteLocationIsTheParvisFileInTheDataDirectory() {
        StoreLocation location = StoreLocation.sqlite(Path.of("/var/lib/parvis"));

        assertThat(location.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/parvis/parvis.db");
        assertThat(location.isSqlite()).isTrue();
        assertThat(location.findSqliteFile()).contains(Path.of("/var/lib/parvis/parvis.db"));
    }

    @Test
    void postgresCredentialsMoveOutOfTheUrl() {
        StoreLocation location = StoreLocation.parse("jdbc:postgresql://db.example.org:5432/parvis"
                + "?user=parvis&password=s%3Dcret&sslmode=require");

        assertThat(location.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.example.org:5432/parvis?sslmode=require");
        assertThat(location.user()).isEqualTo("parvis");
        assertThat(location.password()).isEqualTo("s=cret");
        assertThat(location.isSqlite()).isFalse();
        assertThat(location.findSqliteFile()).isEmpty();
    }

    @Test
    void descriptionAndToStringNeverShowThePassword() {
        StoreLocation location = StoreLocation.parse(
                "jdbc:postgresql://127.0.0.1:55432/postgres?user=parvis&password=hunter2");

        assertThat(location.describe()).isEqualTo("postgresql://127.0.0.1:55432/postgres");
        assertThat(location.toString()).contains("127.0.0.1:55432").doesNotContain("hunter2");
    }

    @Test
    void unsupportedUrlIsRejectedNamingItAndTheAllowedForms() {
        assertThatThrownBy(
                        () -> StoreLocation.parse("jdbc:mysql://localhost/parvis?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://localhost/parvis")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void inMemorySqliteIsRejectedBecauseTheStoreMustPersist() {
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no file");
    }

    @Test
    void conflictingUserIsRejected() {
        assertThatThrownBy(() -> new StoreLocation("jdbc:postgresql://h/db?user=a", "b", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user");
    }
}
