package dev.egressguard.engine.notify;

import dev.egressguard.engine.audit.RecordSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code notifyOnBlock} / {@code notifyOnWarn} (SPEC §9): each new incident is POSTed to every
 * channel as Slack-compatible JSON. One thread and one bounded queue per channel, so a slow
 * receiver delays only itself; a full queue drops with a counted warning; never blocks the caller.
 * {@code notifyOnWarn} covers warn and redact: everything that was not a block.
 */
public final class WebhookNotifier implements RecordSink {
    public static final int QUEUE_CAPACITY = 1000;

    private final boolean onBlock;
    private final boolean onWarn;
    private final List<Channel> channels = new ArrayList<>();

    public WebhookNotifier(List<String> urls, boolean onBlock, boolean onWarn, ThreadFactory threadFactory) {
        this.onBlock = onBlock;
        this.onWarn = onWarn;
        for (String url : urls) {
            channels.add(new Channel(url, threadFactory));
        }
    }

    @Override
    public void accept(Map<String, Object> record) {
        if (!"incident.opened".equals(record.get("type"))) {
            return;
        }
        boolean block = "block".equals(record.get("action"));
        if (block ? !onBlock : !onWarn) {
            return;
        }
        byte[] body = SlackMessage.body(record);
        for (Channel c : channels) {
            c.offer(body);
        }
    }

    /** Incidents dropped because a channel's queue was full, over all channels. */
    public long dropped() {
        long n = 0;
        for (Channel c : channels) {
            n += c.dropped.get();
        }
        return n;
    }

    /** Incidents a channel accepted (2xx), over all channels. */
    public long delivered() {
        long n = 0;
        for (Channel c : channels) {
            n += c.delivered.get();
        }
        return n;
    }

    @Override
    public void close(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Channel c : channels) {
            c.stop(deadline);
        }
        for (Channel c : channels) {
            c.join(deadline);
        }
    }

    private static final class Channel {
        private final String url;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final Thread thread;
        private volatile long deadline = Long.MAX_VALUE;
        private volatile boolean stopping;

        Channel(String url, ThreadFactory threadFactory) {
            this.url = url;
            thread = threadFactory.newThread(this::run);
            dev.egressguard.engine.audit.EvidenceRecorder.name(thread, "egress-guard-notify");
            thread.setDaemon(true);
            thread.start();
        }

        void offer(byte[] body) {
            if (!queue.offer(body)) {
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 100 == 0) {
                    System.err.println("[egress-guard] notification queue for " + HttpSender.origin(url) + " is full ("
                            + QUEUE_CAPACITY + "): " + n + " incident notification(s) dropped so far; the audit log has them all");
                }
            }
        }

        private void run() {
            try {
                while (!(stopping && queue.isEmpty()) && System.currentTimeMillis() < deadline) {
                    byte[] body = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (body == null) {
                        continue;
                    }
                    if (HttpSender.postWithRetries(url, body, null, deadline)) {
                        delivered.incrementAndGet();
                    } else {
                        long n = failed.incrementAndGet();
                        if (n == 1 || n % 100 == 0) {
                            System.err.println("[egress-guard] could not deliver an incident notification to "
                                    + HttpSender.origin(url) + " after " + (HttpSender.RETRIES + 1) + " attempts ("
                                    + n + " so far)");
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop(long deadlineMillis) {
            deadline = deadlineMillis;
            stopping = true;
        }

        void join(long deadlineMillis) {
            try {
                thread.join(Math.max(1, deadlineMillis - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
    }
}
