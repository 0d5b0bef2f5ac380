package dev.egressguard.api;

/**
 * One attempt to send something out of the JVM, as the instrumented code describes it.
 * Each kind of egress is a subclass (HTTP request, process start; later DNS, socket), so new
 * kinds extend the dispatcher without reshaping it. Only JDK types cross this bridge.
 */
public abstract class Egress {
    private final String channel;

    protected Egress(String channel) {
        this.channel = channel;
    }

    /** The instrumented library: {@code jdk-httpclient}, {@code urlconnection}, {@code okhttp}, ... */
    public final String channel() {
        return channel;
    }
}
