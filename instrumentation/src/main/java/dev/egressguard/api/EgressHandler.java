package dev.egressguard.api;

/**
 * The engine side of the bridge, installed by the agent. One method per kind of egress.
 * Implementations decide, record, and either return (possibly after setting a replacement)
 * or throw the block.
 */
public interface EgressHandler {
    void onHttpRequest(HttpEgress request) throws EgressBlockedException;

    void onProcessStart(ProcessEgress process) throws EgressBlockedException;

    /** The {@code maxBodyBytes} setting: how much of a streamed body the hooks buffer before deciding. */
    default long maxBodyBytes() {
        return 8L * 1024 * 1024;
    }
}
