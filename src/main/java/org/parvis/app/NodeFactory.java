package org.parvis.app;

import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Opens a node from its settings; the one seam between the command line and the node's
 * components (gazetteer, store, index, feed, API). The build's implementation is found with
 * {@link ServiceLoader} ({@code META-INF/services/org.parvis.app.NodeFactory}).
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface NodeFactory {

    /**
     * Opens the node: loads the gazetteer, opens the store and the index, and catches the index up.
     *
     * @throws ParvisConfigException when the data directory or database cannot be used
     */
    NodeRuntime open(NodeSettings settings);

    /** The subcommands of {@code parvis bench} (picocli command objects). */
    default List<Object> listBenchCommands() {
        return List.of();
    }

    /** The factory this build installs, if any. */
    static Optional<NodeFactory> findInstalled() {
        try {
            return ServiceLoader.load(NodeFactory.class).findFirst();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("the node wiring of this build is broken: " + e.getMessage(), e);
        }
    }
}
