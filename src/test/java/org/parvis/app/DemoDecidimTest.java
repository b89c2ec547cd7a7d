package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parvis.model.Process;
import org.parvis.source.HarvestListener;
import org.parvis.source.SourceConfig;
import org.parvis.store.HarvestRun;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The demo's sources include a loopback Decidim, harvested over HTTP by the Decidim connector. */
class DemoDecidimTest {

    @TempDir
    Path dataDir;

    @Test
    void demoHarvestsItsDecidimInstanceThroughTheGraphqlConnector() throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            List<SourceConfig> sources =
                    DemoCommand.startSamplePlatforms(Instant.now(), resources).sources();
            SourceConfig decidim = sources.stream()
                    .filter(s -> s.id().equals(DemoCommand.DECIDIM_SOURCE_ID))
                    .findFirst()
                    .orElseThrow();
            NodeRuntime node =
                    new Node.Factory().open(NodeOptions.settings(dataDir, null, sources));
            resources.add(node);

            HarvestRun run = Commands.harvester(
                            node, Version.DEFAULT_CONTACT, HarvestListener.NONE, sources)
                    .harvest(decidim);

            assertThat(decidim.kind()).isEqualTo("decidim");
            assertThat(run.outcome()).isEqualTo(HarvestRun.Outcome.SUCCESS);
            assertThat(run.itemsNew()).isEqualTo(79);
            Process velo = (Process) node.store()
                    .findItem(decidim.resolve("processes/plan-velo-2030"))
                    .orElseThrow();
            assertThat(velo.provenance().sourceId()).isEqualTo(DemoCommand.DECIDIM_SOURCE_ID);
        } finally {
            Collections.reverse(resources);
            resources.forEach(Commands::closeQuietly);
        }
    }
}
