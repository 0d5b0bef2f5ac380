package dev.egressguard.engine.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egressguard.config.Policy;
import dev.egressguard.engine.Action;
import dev.egressguard.engine.audit.EvidenceRecorder;
import dev.egressguard.engine.audit.Json;
import dev.egressguard.engine.audit.TestDecisions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookNotifierTest {
    @TempDir
    Path dir;

    private static Policy notifying(String url, boolean onBlock, boolean onWarn) {
        Policy.Builder b = new Policy.Builder();
        b.notifyChannels = List.of(url);
        b.notifyOnBlock = onBlock;
        b.notifyOnWarn = onWarn;
        return b.build();
    }

    @Test
    void aBlockIsPostedAsSlackCompatibleJson() throws Exception {
        try (LoopbackReceiver hook = new LoopbackReceiver(r -> 200);
             EvidenceRecorder rec = EvidenceRecorder.open(dir.resolve("a.jsonl"), null, 1 << 20, "billing", Thread::new)) {
            rec.policyLoaded(notifying(hook.url("/services/T000/B000/XXXX"), true, false));
            rec.record(TestDecisions.withAction(TestDecisions.blockSsn(7), Action.WARN, true)); // notifyOnWarn is off
            String id = rec.record(TestDecisions.blockSsn(1));

            LoopbackReceiver.Received got = hook.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(got, "webhook received the block");
            assertEquals("/services/T000/B000/XXXX", got.path());
            assertEquals("application/json", got.headers().get("Content-type").get(0));
            Map<String, Object> body = Json.parseObject(got.body());
            String text = (String) body.get("text");
            assertTrue(text.startsWith("egress-guard blocked https://api.openai.com/v1/chat/completions"), text);
            assertTrue(text.contains("SSN x1") && text.contains("[" + id + "]") && text.contains("agent billing"), text);
            @SuppressWarnings("unchecked")
            Map<String, Object> incident = (Map<String, Object>) body.get("egressGuard");
            assertEquals(id, incident.get("id"));
            assertEquals("MEDIUM", incident.get("severity"));
            assertEquals("open", incident.get("status"));
            assertEquals("my social is [REDACTED] please file it", incident.get("promptPreview"));
            assertEquals(null, hook.received.poll(300, TimeUnit.MILLISECONDS), "the warn was not sent");
        }
    }

    @Test
    void aHangingReceiverNeverHoldsUpRecord() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LoopbackReceiver hook = new LoopbackReceiver(r -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        }); EvidenceRecorder rec = EvidenceRecorder.open(dir.resolve("h.jsonl"), null, 1 << 20, "svc", Thread::new)) {
            rec.policyLoaded(notifying(hook.url("/hook"), true, true));
            rec.record(TestDecisions.blockSsn(0));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the receiver got the first incident and hangs");
            for (int i = 1; i <= 50; i++) {
                assertNotNull(rec.record(TestDecisions.blockSsn(i)));
                rec.record(TestDecisions.withAction(TestDecisions.blockSsn(1000 + i), Action.WARN, true));
            }
            // every record() above returned while the receiver was still hanging on the first request
            assertEquals(1, release.getCount());
            release.countDown();
            long deadline = System.currentTimeMillis() + 20_000;
            while (hook.received.size() < 101 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(101, hook.received.size(), "queued incidents delivered once the receiver answers");
        }
    }

    @Test
    void incidentsSurviveA500WithRetries() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (LoopbackReceiver hook = new LoopbackReceiver(r -> requests.incrementAndGet() <= 2 ? 500 : 200);
             EvidenceRecorder rec = EvidenceRecorder.open(dir.resolve("r.jsonl"), null, 1 << 20, "svc", Thread::new)) {
            rec.policyLoaded(notifying(hook.url("/hook"), true, false));
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                ids.add(rec.record(TestDecisions.blockSsn(i)));
            }
            Set<Object> delivered = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                LoopbackReceiver.Received got = hook.received.poll(15, TimeUnit.SECONDS);
                assertNotNull(got, "delivery " + i);
                delivered.add(((Map<?, ?>) Json.parseObject(got.body()).get("egressGuard")).get("id"));
            }
            assertEquals(ids, delivered);
            assertEquals(7, requests.get(), "two 500s retried, then five accepted");
        }
    }

    @Test
    void aFullQueueDropsAndCounts() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LoopbackReceiver hook = new LoopbackReceiver(r -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        })) {
            WebhookNotifier n = new WebhookNotifier(List.of(hook.url("/hook")), true, false, Thread::new);
            Map<String, Object> incident = Map.of("type", "incident.opened", "action", "block", "id", "inc_0000000000000001");
            java.io.PrintStream saved = System.err;
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            try {
                n.accept(incident);
                assertTrue(entered.await(10, TimeUnit.SECONDS));
                System.setErr(new java.io.PrintStream(err, true));
                for (int i = 0; i < WebhookNotifier.QUEUE_CAPACITY + 4; i++) {
                    n.accept(incident);
                }
            } finally {
                System.setErr(saved);
                release.countDown();
            }
            assertEquals(4, n.dropped());
            assertTrue(err.toString().startsWith("[egress-guard] notification queue for http://127.0.0.1:"), err.toString());
            assertTrue(!err.toString().contains("/hook"), "webhook paths are not logged");
            n.close(100);
        }
    }
}
