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
        // 139 records, 9 requests: version probe, space list, one request per space (5), and the
        // second and third pages of the 120 proposals.
        assertThat(out.toString())
                .contains("139 records")
                .containsPattern("first harvest +success +139 items +9 requests = +64\\.7 per")
                .containsPattern("unchanged re-harvest +success +139 items +9 requests")
                .containsPattern("peak requests to the host in any 60 s: \\d+; shortest gap");
    }
}
