package org.parvis.app;

import java.util.List;

/**
 * Opens a node from its settings; the one seam between the command line and the node's
 * components (gazetteer, store, index, feed, API). Tests substitute their own to run
 * the commands without a full node.
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
}
