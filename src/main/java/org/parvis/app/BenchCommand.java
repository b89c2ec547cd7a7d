package org.parvis.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code parvis bench}: the parent of the benchmark commands ({@code bench feed}, {@code bench
 * places}…), which the node wiring supplies through {@link NodeFactory#listBenchCommands()}.
 * Without a subcommand it prints the list.
 *
 * <p>Not thread-safe (one instance per command line).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Measure the node's performance; run a subcommand.")
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (spec.subcommands().isEmpty()) {
            spec.commandLine().getErr().println("this build has no benchmarks");
        }
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
