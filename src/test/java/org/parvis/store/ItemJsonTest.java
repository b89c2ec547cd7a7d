package org.parvis.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

class ItemJsonTest {

    private final Process process = ItemsForTest.richProcess();

    @Test
    void storedJsonReadsBackAsTheSameItem() {
        assertThat(ItemJson.read(ItemJson.write(process))).isEqualTo(process);
    }

    @Test
    void hashIgnoresTheRetrievalTime() {
        Process later = ItemsForTest.reRetrieved(process, Instant.parse("2030-01-01T00:00:00Z"));

        assertThat(hash(later)).isEqualTo(hash(process));
    }

    @Test
    void hashChangesWithContent() {
        assertThat(hash(ItemsForTest.retitled(process, "Autre titre"))).isNotEqualTo(hash(process));
        assertThat(hash(process.toBuilder().withSourceStatus("closed").build()))
                .isNotEqualTo(hash(process));
    }

    @Test
    void hashDoesNotDependOnTheOrderOfLanguages() {
        Map<String, String> frFirst = new LinkedHashMap<>();
        frFirst.put("fr", "Titre");
        frFirst.put("en", "Title");
        Map<String, String> enFirst = new LinkedHashMap<>();
        enFirst.put("en", "Title");
        enFirst.put("fr", "Titre");

        String one = hash(
                process.toBuilder().withTitle(new LocalizedText(frFirst, null)).build());
        String other = hash(
                process.toBuilder().withTitle(new LocalizedText(enFirst, null)).build());

        assertThat(one).isEqualTo(other).hasSize(64);
    }

    private static String hash(Process p) {
        return ItemJson.contentHash(ItemJson.write(p));
    }
}
