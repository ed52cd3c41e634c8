package dev.dsrflow.api.drp;

/** How a request that came through the Data Rights Protocol is named in the ledger and the request view. */
public final class DrpChannel {
    /** The channel a request's view names when an authorized agent filed it. */
    public static final String NAME = "DRP";

    /** Actors of DRP requests are {@code drp:<agent-id>}. */
    public static final String ACTOR_PREFIX = "drp:";

    private DrpChannel() {}

    /** The agent that filed a request, from its filer's name; null when no agent filed it. */
    public static String agentOf(String requestedBy) {
        return requestedBy != null && requestedBy.startsWith(ACTOR_PREFIX)
                ? requestedBy.substring(ACTOR_PREFIX.length())
                : null;
    }
}
