package org.parvis.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parvis reindex}: rebuilds the search index from the store, e.g. after an upgrade that
 * changes how items are indexed.
 *
 * <p>Not thread-safe (one instance per command line).
 */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Rebuild the search index from the store (the node must not be serving).")
final class ReindexCommand implements Callable<Integer> {

    @Mixin
    NodeOptions nodeOptions = new NodeOptions();

    @Spec
    CommandSpec spec;

    private final NodeFactory factory;

    ReindexCommand(NodeFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        long startNanos = System.nanoTime();
        long indexed;
        try (NodeRuntime node = factory.open(nodeOptions.settings(List.of()))) {
            indexed = node.rebuildIndex();
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "index rebuilt in %d ms: %d processes searchable%n",
                        (System.nanoTime() - startNanos) / 1_000_000, indexed);
        return Main.EXIT_OK;
    }
}
