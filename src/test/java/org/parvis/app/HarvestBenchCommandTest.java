package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** {@code parvis bench harvest} runs end to end on a small loopback Decidim. */
class HarvestBenchCommandTest {

    @Test
    void printsRequestsPerThousandItemsForBothHarvestsAndThePeakRate() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.newCommandLine(new Node.Factory());
        commandLine.setOut(new PrintWriter(out, true));

        int code = commandLine.execute(
                "bench", "harvest", "--proposals", "120", "--rate", "6000", "--generation", "0.28");

        assertThat(code).isEqualTo(Main.EXIT_OK);
        // 137 records: version probe, spaces, three pages of 120 proposals, six other components.
        assertThat(out.toString())
                .contains("137 records")
                .containsPattern("first harvest +success +137 items +11 requests = +80\\.3 per")
                .containsPattern("unchanged re-harvest +success +137 items +11 requests")
                .containsPattern("peak requests to the host in any 60 s: \\d+; shortest gap");
    }
}
