package org.parvis.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The command line: help, versions, exit codes, and errors reported before any node is opened. */
class MainTest {

    /** Fails the test when a command opens a node although it should have stopped earlier. */
    private static final NodeFactory NO_NODE = settings -> {
        throw new AssertionError("the command opened a node: " + settings);
    };

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Command(name = "feed", mixinStandardHelpOptions = true, description = "Time feed queries.")
    static final class FeedBench implements Runnable {
        @Override
        public void run() {}
    }

    private int run(NodeFactory factory, String... args) {
        CommandLine commandLine = Main.newCommandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int run(String... args) {
        return run(NO_NODE, args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "demo", "harvest", "reindex", "bench"})
    void everyCommandPrintsItsHelp(String command) {
        int code = run(command, "--help");

        assertThat(code).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).startsWith("Usage: parvis " + command);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        int code = run("--help");

        assertThat(code).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).contains("serve", "demo", "harvest", "reindex", "bench");
    }

    @Test
    void versionNamesParvis() {
        int code = run("--version");

        assertThat(code).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).startsWith("Parvis ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        int code = run("serve", "--prot", "8080");

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).startsWith("Unknown options: '--prot', '8080'");
    }

    @Test
    void benchListsTheSubcommandsTheWiringProvides() {
        NodeFactory withBench = new NodeFactory() {
            @Override
            public NodeRuntime open(NodeSettings settings) {
                throw new AssertionError("bench --help opened a node");
            }

            @Override
            public List<Object> listBenchCommands() {
                return List.of(new FeedBench());
            }
        };

        assertThat(run(withBench, "bench", "--help")).isEqualTo(Main.EXIT_OK);
        assertThat(out.toString()).contains("feed", "Time feed queries.");
        assertThat(run(withBench, "bench", "feed", "--help")).isEqualTo(Main.EXIT_OK);
    }

    @Test
    void missingConfigFileIsAConfigurationErrorWithoutStackTrace() {
        Path missing = dir.resolve("missing.yml");

        int code = run(
                "harvest",
                "--config",
                missing.toString(),
                "--data",
                dir.resolve("data").toString());

        assertThat(code).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString())
                .startsWith("parvis: configuration file " + missing.toAbsolutePath()
                        + " does not exist")
                .doesNotContain("\tat ");
    }

    @Test
    void harvestWithAlertsNeedsTheNodesPublicAddressForTheLinksInItsMails() throws IOException {
        Path config = dir.resolve("parvis.yml");
        Files.writeString(
                config,
                "sources:\n  - id: lyon\n    kind: decidim\n    baseUrl: "
                        + "https://participer.example\n    name: Participer\n"
                        + "mail:\n  host: 127.0.0.1\n  tls: none\n"
                        + "  from: Parvis <alertes@example.org>\n",
                StandardCharsets.UTF_8);

        int code = run("harvest", "--config", config.toString());

        assertThat(code).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).contains("mail.publicUrl (or PARVIS_PUBLIC_URL)");
    }

    @Test
    void unknownSourceKindNamesTheSourceAndTheKnownKinds() throws IOException {
        Path config = dir.resolve("parvis.yml");
        Files.writeString(
                config,
                "sources:\n  - id: lyon\n    kind: decidim-graphql\n    baseUrl: "
                        + "https://participer.example\n"
                        + "    name: Participer\n",
                StandardCharsets.UTF_8);

        int code = run("harvest", "--config", config.toString());

        assertThat(code).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString())
                .contains(
                        "source #1 ('lyon')",
                        "unknown kind 'decidim-graphql'",
                        "expected one of [",
                        "decidim,",
                        "unified-json");
    }

    @Test
    void harvestingAnUnconfiguredSourceNamesTheConfiguredOnes() throws IOException {
        Path config = dir.resolve("parvis.yml");
        Files.writeString(
                config,
                "sources:\n  - id: lyon\n    kind: unified-json\n    baseUrl: "
                        + "https://participer.example\n"
                        + "    name: Participer\n",
                StandardCharsets.UTF_8);

        int code = run("harvest", "--config", config.toString(), "--source", "paris");

        assertThat(code).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString())
                .contains("no source 'paris' is configured; configured sources: [lyon]");
    }

    @Test
    void databaseThatIsNotPostgresqlIsRefused() {
        int code = run(
                "reindex",
                "--data",
                dir.toString(),
                "--database",
                "jdbc:mysql://db/parvis?password=secret");

        assertThat(code).isEqualTo(Main.EXIT_CONFIG);
        assertThat(err.toString()).contains("jdbc:mysql://db/parvis?…").doesNotContain("secret");
    }
}
