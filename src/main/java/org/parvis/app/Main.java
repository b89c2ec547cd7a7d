package org.parvis.app;

import org.parvis.territory.TerritoryCommand;
import org.parvis.theme.ThemesCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * The {@code parvis} command line: {@code serve}, {@code demo}, {@code harvest}, {@code reindex}
 * and {@code bench}. Exit codes: {@value #EXIT_OK} success, {@value #EXIT_SOFTWARE} unexpected
 * error, {@value #EXIT_USAGE} usage error, {@value #EXIT_HARVEST_FAILED} a source could not be
 * harvested, {@value #EXIT_CONFIG} a configuration or startup problem the operator can fix (its
 * message, printed without a stack trace, says how).
 *
 * <p>Not thread-safe (one instance per run).
 */
@Command(
        name = "parvis",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description =
                "Parvis: one feed of the public participation processes that concern a place.")
public final class Main implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_SOFTWARE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_HARVEST_FAILED = 3;
    public static final int EXIT_CONFIG = 100;

    @Spec
    CommandSpec spec;

    /** Prints the build's version. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Parvis " + Version.current()};
        }
    }

    public static void main(String[] args) {
        NodeFactory factory = new Node.Factory();
        System.exit(newCommandLine(factory).execute(args));
    }

    /** The command line with every command, opening nodes through {@code factory}. */
    static CommandLine newCommandLine(NodeFactory factory) {
        CommandLine bench = new CommandLine(new BenchCommand());
        for (Object command : factory.listBenchCommands()) {
            bench.addSubcommand(command);
        }
        CommandLine commandLine = new CommandLine(new Main())
                .addSubcommand(new ServeCommand(factory))
                .addSubcommand(new DemoCommand(factory))
                .addSubcommand(new HarvestCommand(factory))
                .addSubcommand(new ReindexCommand(factory))
                .addSubcommand("bench", bench)
                .addSubcommand(new ThemesCommand())
                .addSubcommand(new TerritoryCommand());
        commandLine.setExecutionExceptionHandler(Main::handleException);
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleException(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ParvisConfigException) {
            err.println("parvis: " + e.getMessage());
            err.flush();
            return EXIT_CONFIG;
        }
        LOG.error("parvis {} stopped by an unexpected error", commandLine.getCommandName(), e);
        err.println("parvis: unexpected error: " + e + " (details in the log above)");
        err.flush();
        return EXIT_SOFTWARE;
    }
}
