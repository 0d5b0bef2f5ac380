package dev.egressguard.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    static List<String> lines(Path p) throws Exception {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    @Test
    void threeProcessesAppendToOneChainWithoutLosingARecord() throws Exception {
        Path audit = dir.resolve("egress-guard-audit.jsonl");
        int n = 400;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    AuditWriterMain.class.getName(), audit.toString(), String.valueOf(n), "child-" + i)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child-" + i + ".log").toFile()).start());
        }
        // this JVM writes at the same time, so in-JVM and cross-process locking are both exercised
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 100L << 20, "parent", Thread::new)) {
            for (int i = 0; i < n; i++) {
                r.record(i % 10 == 9 ? TestDecisions.blockSsn(-i) : TestDecisions.allow(i));
            }
        }
        for (Process p : children) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child finished");
            assertEquals(0, p.exitValue(), () -> "child failed: " + read(dir.resolve("child-0.log")));
        }
        // per process: agent.start (children only), n decisions, n/10 incident.opened, agent.stop
        long expected = 3L * (1 + n + n / 10 + 1) + (n + n / 10 + 1);
        AuditVerifier.Result result = AuditVerifier.verify(audit, null);
        assertEquals("intact: " + expected + " records", result.headline());

        Map<Long, Integer> perPid = new HashMap<>();
        long seq = 0;
        for (String line : lines(audit)) {
            Map<String, Object> rec = Json.parseObject(line);
            assertEquals(++seq, rec.get("seq"));
            perPid.merge((Long) rec.get("pid"), 1, Integer::sum);
        }
        assertEquals(4, perPid.size(), "records from four processes");
        Map<String, Object> head = Json.parseObject(Files.readString(AuditFiles.head(audit)).trim());
        assertEquals(expected, head.get("seq"));
    }

    @Test
    void aWriterKilledMidStreamLeavesATrailTheNextWriterContinues() throws Exception {
        Path audit = dir.resolve("killed.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AuditWriterMain.class.getName(), audit.toString(), "10000000", "doomed")
                .redirectErrorStream(true).redirectOutput(dir.resolve("doomed.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while ((!Files.exists(audit) || Files.size(audit) < 200_000) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 100L << 20, "after", Thread::new)) {
            r.record(TestDecisions.blockSsn(1));
        }
        AuditVerifier.Result result = AuditVerifier.verify(audit, null);
        assertTrue(result.intact(), result.headline());
        List<String> l = lines(audit);
        Map<String, Object> last = Json.parseObject(l.get(l.size() - 1));
        assertEquals("agent.stop", last.get("type"));
        assertEquals("after", last.get("agentId"));
        assertEquals(result.records(), last.get("seq"));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    /** A small trail with 30 records: start, 26 decisions and incidents, stop. */
    private Path trail(String name, String key) throws Exception {
        Path audit = dir.resolve(name);
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, key, 100L << 20, "test", Thread::new)) {
            r.agentStarted(Map.of("mode", "enforce", "auditKey", "must-not-appear"));
            for (int i = 0; i < 24; i++) {
                r.record(i % 6 == 5 ? TestDecisions.blockSsn(i) : TestDecisions.allow(i));
            }
        }
        assertEquals(30, lines(audit).size());
        return audit;
    }

    private static void write(Path p, List<String> lines) throws Exception {
        Files.write(p, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCheckpointIsTheCanonicalJsonOfItsFieldsPaddedToAFixedWidth() throws Exception {
        for (String key : new String[] {null, "k"}) {
            Path audit = dir.resolve("head \u00e9 \"q\" " + key + ".jsonl");
            AuditLog log = AuditLog.open(audit, key, 100L << 20, "t");
            log.append(new ArrayList<>(List.of(DecisionRecords.header("agent.start", 1L, "t", 1))));
            log.append(new ArrayList<>(List.of(DecisionRecords.header("agent.stop", 2L, "t", 1))));
            log.close();
            List<String> records = lines(audit);
            Map<String, Object> last = Json.parseObject(records.get(records.size() - 1));
            Map<String, Object> expected = new java.util.TreeMap<>();
            expected.put("chain", key == null ? "sha256" : "hmac-sha256");
            expected.put("file", audit.getFileName().toString());
            expected.put("hash", last.get("hash"));
            expected.put("seq", 2L);
            expected.put("size", Files.size(audit));
            StringBuilder head = new StringBuilder(Json.write(expected));
            while (head.length() < 511) {
                head.append(' ');
            }
            head.append('\n');
            assertEquals(head.toString(), Files.readString(AuditFiles.head(audit)));
        }
    }

    @Test
    void anIntactTrailVerifiesAndNeverHoldsTheKey() throws Exception {
        Path audit = trail("a.jsonl", null);
        assertEquals("intact: 30 records", AuditVerifier.verify(audit, null).headline());
        String text = Files.readString(audit);
        assertTrue(!text.contains("must-not-appear"), "auditKey setting is not recorded");
        Map<String, Object> first = Json.parseObject(lines(audit).get(0));
        assertEquals(ChainHash.GENESIS, first.get("prevHash"));
        assertEquals("agent.start", first.get("type"));
        assertTrue(((String) first.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        // each line is itself canonical JSON, and the hash is what SPEC §8 says
        for (String line : lines(audit)) {
            Map<String, Object> rec = Json.parseObject(line);
            assertEquals(line, Json.write(rec));
            rec.remove("hash");
            String expected = ChainHash.sha256Hex((rec.get("prevHash") + "\n" + Json.write(rec)).getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, Json.parseObject(line).get("hash"));
        }
    }

    @Test
    void settingsAndPolicySourcesAreRecordedWithoutCredentials() throws Exception {
        Path audit = dir.resolve("creds.jsonl");
        String secret = "tok" + "en-" + System.nanoTime();
        String url = "https://deploy:" + secret + "@config.example/policy.yaml";
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, "k", 1 << 20, "svc", Thread::new)) {
            r.agentStarted(Map.of("policy", url, "auditKey", "k", "mode", "monitor"));
            dev.egressguard.config.Policy.Builder p = new dev.egressguard.config.Policy.Builder();
            p.source = url;
            r.policyLoaded(p.build(), "abc");
            r.policyRejected(url, List.of("policy.yaml:3:1: unknown key"));
        }
        String text = Files.readString(audit);
        assertTrue(!text.contains(secret), "credentials of a policy URL are masked");
        assertTrue(!text.contains("\"auditKey\""), "auditKey is never recorded");
        Map<String, Object> start = Json.parseObject(lines(audit).get(0));
        assertEquals("https://***@config.example/policy.yaml", start.get("policy"));
        assertEquals("monitor", start.get("mode"));
        Map<String, Object> loaded = Json.parseObject(lines(audit).get(1));
        assertEquals("policy.loaded", loaded.get("type"));
        assertEquals("abc", loaded.get("sha256"));
        assertEquals("policy.rejected", Json.parseObject(lines(audit).get(2)).get("type"));
    }

    @Test
    void anEditedRecordIsFoundAtItsSeq() throws Exception {
        Path audit = trail("edit.jsonl", null);
        List<String> l = lines(audit);
        Map<String, Object> rec = Json.parseObject(l.get(5));
        rec.put("reason", "nothing to see");
        l.set(5, Json.write(rec));
        write(audit, l);
        AuditVerifier.Result r = AuditVerifier.verify(audit, null);
        assertEquals("TAMPERED at seq 6 (line 6): hash does not match the record's content (record edited)", r.headline());
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextLink() throws Exception {
        Path audit = trail("rehash.jsonl", null);
        List<String> l = lines(audit);
        Map<String, Object> rec = Json.parseObject(l.get(5));
        rec.put("reason", "nothing to see");
        rec.remove("hash");
        rec.put("hash", new ChainHash(null).next((String) rec.get("prevHash"), Json.write(rec)));
        l.set(5, Json.write(rec));
        write(audit, l);
        AuditVerifier.Result r = AuditVerifier.verify(audit, null);
        assertEquals(7, r.seq());
        assertEquals(7, r.line());
        assertTrue(r.why().contains("prevHash"), r.headline());
    }

    @Test
    void aDeletedRecordIsFound() throws Exception {
        Path audit = trail("del.jsonl", null);
        List<String> l = lines(audit);
        l.remove(9);
        write(audit, l);
        AuditVerifier.Result r = AuditVerifier.verify(audit, null);
        assertEquals("TAMPERED at seq 11 (line 10): expected seq 10, found seq 11: record(s) deleted or moved", r.headline());
    }

    @Test
    void anInsertedRecordIsFound() throws Exception {
        Path audit = trail("ins.jsonl", null);
        List<String> l = lines(audit);
        l.add(12, l.get(3));
        write(audit, l);
        AuditVerifier.Result r = AuditVerifier.verify(audit, null);
        assertEquals(4, r.seq());
        assertEquals(13, r.line());
        assertTrue(r.why().contains("inserted"), r.headline());
    }

    @Test
    void swappedRecordsAreFound() throws Exception {
        Path audit = trail("swap.jsonl", null);
        List<String> l = lines(audit);
        String a = l.get(14);
        l.set(14, l.get(15));
        l.set(15, a);
        write(audit, l);
        AuditVerifier.Result r = AuditVerifier.verify(audit, null);
        assertEquals(16, r.seq());
        assertEquals(15, r.line());
    }

    @Test
    void aCutOffTailIsFoundThroughTheCheckpoint() throws Exception {
        Path audit = trail("cut.jsonl", null);
        List<String> l = lines(audit);
        write(audit, l.subList(0, 27));
        AuditVerifier.Result r = AuditVerifier.verify(audit, null);
        assertEquals("TAMPERED at seq 28 (line 28): the trail ends at seq 27 but its checkpoint says seq 30: records cut off",
                r.headline());
    }

    @Test
    void aKeyedChainRebuiltWithoutTheKeyFails() throws Exception {
        Path audit = trail("keyed.jsonl", "s3cret-audit-key");
        assertEquals("intact: 30 records", AuditVerifier.verify(audit, "s3cret-audit-key").headline());
        assertEquals(AuditVerifier.Result.Status.NEEDS_KEY, AuditVerifier.verify(audit, null).status());
        AuditVerifier.Result wrongKey = AuditVerifier.verify(audit, "another-key");
        assertEquals(1, wrongKey.seq());

        // an attacker without the key edits a record and rebuilds the whole chain with plain SHA-256
        List<String> l = lines(audit);
        List<String> forged = new ArrayList<>();
        ChainHash sha = new ChainHash(null);
        String prev = ChainHash.GENESIS;
        for (int i = 0; i < l.size(); i++) {
            Map<String, Object> rec = Json.parseObject(l.get(i));
            if (i == 10) {
                rec.put("action", "allow");
            }
            rec.remove("hash");
            rec.put("prevHash", prev);
            prev = sha.next(prev, Json.write(rec));
            rec.put("hash", prev);
            forged.add(Json.write(rec));
        }
        write(audit, forged);
        Map<String, Object> head = Json.parseObject(Files.readString(AuditFiles.head(audit)).trim());
        head.put("hash", prev);
        Files.writeString(AuditFiles.head(audit), Json.write(head));
        AuditVerifier.Result r = AuditVerifier.verify(audit, "s3cret-audit-key");
        assertEquals(AuditVerifier.Result.Status.TAMPERED, r.status());
        assertEquals(1, r.seq());
        assertEquals(1, r.line());
    }

    @Test
    void rotationContinuesTheChainAcrossFiles() throws Exception {
        Path audit = dir.resolve("rot.jsonl");
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, "k", 16 * 1024, "rot", Thread::new)) {
            for (int i = 0; i < 300; i++) {
                r.record(i % 3 == 0 ? TestDecisions.blockSsn(i) : TestDecisions.allow(i));
            }
        }
        List<Path> rotated = AuditFiles.rotated(audit);
        assertTrue(rotated.size() >= 3, "rotated files: " + rotated);
        long total = 0;
        String lastHash = ChainHash.GENESIS;
        for (Path f : AuditFiles.chain(audit)) {
            assertTrue(Files.size(f) <= 16 * 1024, f + " stays under auditMaxBytes");
            List<String> l = lines(f);
            assertEquals(lastHash, Json.parseObject(l.get(0)).get("prevHash"), "first record of " + f.getFileName());
            lastHash = (String) Json.parseObject(l.get(l.size() - 1)).get("hash");
            total += l.size();
        }
        assertEquals("intact: " + total + " records", AuditVerifier.verify(audit, "k").headline());
        // 300 decisions, 100 incidents, agent.stop
        assertEquals(401, total);

        // deleting a record in a rotated file is found there
        Path second = rotated.get(1);
        List<String> l = lines(second);
        l.remove(2);
        write(second, l);
        AuditVerifier.Result r = AuditVerifier.verify(audit, "k");
        assertEquals(3, r.line());
        assertTrue(r.why().startsWith("in " + second.getFileName()), r.headline());
    }

    @Test
    void aLineTornByACrashIsRecoveredAndReportedAsACrash() throws Exception {
        Path audit = trail("torn.jsonl", null);
        String partial = "{\"action\":\"block\",\"agentId\":\"test\",\"channel\":\"okh";
        Files.write(audit, partial.getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);

        AuditVerifier.Result before = AuditVerifier.verify(audit, null);
        assertEquals("intact: 30 records", before.headline());
        assertTrue(before.notes().get(0).contains("torn by a crash"), before.notes().toString());

        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 100L << 20, "restarted", Thread::new)) {
            r.record(TestDecisions.blockSsn(99));
        }
        List<String> l = lines(audit);
        assertEquals(partial, l.get(30));
        Map<String, Object> recovered = Json.parseObject(l.get(31));
        assertEquals("audit.recovered", recovered.get("type"));
        assertEquals(31L, recovered.get("seq"));
        AuditVerifier.Result after = AuditVerifier.verify(audit, null);
        // recovery, decision, incident.opened, agent.stop
        assertEquals("intact: 34 records", after.headline());
        assertTrue(after.notes().get(0).contains("line 31 was torn by a crash and recovered at seq 31"), after.notes().toString());

        // garbage that is not followed by its recovery record is tampering
        l.add(10, "{\"seq\":");
        write(audit, l);
        AuditVerifier.Result r = AuditVerifier.verify(audit, null);
        assertEquals("TAMPERED at seq 11 (line 11): line is not a record of the trail", r.headline());
    }

    @Test
    void recordsWrittenPastAStaleCheckpointAreKept() throws Exception {
        Path audit = trail("stale.jsonl", null);
        byte[] oldHead = Files.readAllBytes(AuditFiles.head(audit));
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 100L << 20, "second", Thread::new)) {
            r.record(TestDecisions.allow(1));
        }
        // as if the second writer died after appending but before checkpointing
        Files.write(AuditFiles.head(audit), oldHead);
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 100L << 20, "third", Thread::new)) {
            r.record(TestDecisions.allow(2));
        }
        assertEquals("intact: 34 records", AuditVerifier.verify(audit, null).headline());
    }

    @Test
    void aCheckpointDeletedUnderARunningWriterIsRebuiltFromTheFile() throws Exception {
        Path audit = dir.resolve("headless.jsonl");
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 1 << 20, "w", Thread::new)) {
            r.record(TestDecisions.blockSsn(1));
            Files.delete(AuditFiles.head(audit));
            r.record(TestDecisions.blockSsn(2));
            Map<String, Object> head = Json.parseObject(Files.readString(AuditFiles.head(audit)).trim());
            assertEquals(4L, head.get("seq"), "the writer found seq 2 in the file and went on");
        }
        assertEquals("intact: 5 records", AuditVerifier.verify(audit, null).headline());
    }

    @Test
    void decisionsHoldingLargeBodiesAreWrittenByTheCallerInsteadOfQueued() throws Exception {
        Path audit = dir.resolve("big.jsonl");
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 1 << 30, "big", Thread::new)) {
            dev.egressguard.engine.decision.Decision.Builder b = TestDecisions.allow(1).toBuilder();
            b.contentBytes = 40L << 20;
            r.record(b.build());
            assertEquals(1, lines(audit).size(), "written before record() returned: nothing large stays queued");
        }
    }

    @Test
    void aBlockIsOnDiskWhenRecordReturns() throws Exception {
        Path audit = dir.resolve("sync.jsonl");
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 100L << 20, "sync", Thread::new)) {
            r.record(TestDecisions.allow(1));
            String id = r.record(TestDecisions.blockSsn(1));
            assertNotNull(id);
            assertTrue(id.matches("inc_[0-9a-f]{16}"), id);
            String text = Files.readString(audit);
            assertTrue(text.contains("\"incidentId\":\"" + id + "\""), "block written before record() returned");
            List<String> l = lines(audit);
            assertEquals("decision", Json.parseObject(l.get(0)).get("type"), "queued records go first");
            assertEquals(3, l.size());
        }
    }

    @Test
    void anUnwritablePathFallsBackToTheTempDirectoryWithOneWarning() throws Exception {
        String name = "eg-fallback-" + System.nanoTime() + ".jsonl";
        Path unwritable = Path.of("/nonexistent-egress-guard-dir", name);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        Path used;
        try (EvidenceRecorder r = EvidenceRecorder.open(unwritable, null, 1 << 20, "fb", Thread::new)) {
            used = r.auditPath();
            r.record(TestDecisions.blockSsn(1));
            r.record(TestDecisions.blockSsn(2));
        } finally {
            System.setErr(saved);
        }
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")).resolve(name).toAbsolutePath().normalize(), used);
            String warnings = err.toString();
            assertEquals(1, warnings.lines().count(), warnings);
            assertTrue(warnings.startsWith("[egress-guard] "), warnings);
            assertEquals("intact: 5 records", AuditVerifier.verify(used, null).headline());
        } finally {
            for (String suffix : new String[] {"", ".head", ".lock"}) {
                Files.deleteIfExists(Path.of(used + suffix));
            }
        }
    }

    @Test
    void withNothingWritableDecisionsStillGetIncidentsAndOneWarning() throws Exception {
        String savedTmp = System.getProperty("java.io.tmpdir");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream savedErr = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        System.setProperty("java.io.tmpdir", "/nonexistent-egress-guard-tmp");
        try (EvidenceRecorder r = EvidenceRecorder.open(Path.of("/nonexistent-egress-guard-dir/a.jsonl"), null, 1 << 20,
                "none", Thread::new)) {
            assertEquals(null, r.auditPath());
            Set<String> ids = new HashSet<>();
            ids.add(r.record(TestDecisions.blockSsn(1)));
            ids.add(r.record(TestDecisions.blockSsn(2)));
            assertEquals(2, ids.size());
        } finally {
            System.setProperty("java.io.tmpdir", savedTmp);
            System.setErr(savedErr);
        }
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void unrecordedDecisionsWriteNothing() throws Exception {
        Path audit = dir.resolve("none.jsonl");
        try (EvidenceRecorder r = EvidenceRecorder.open(audit, null, 1 << 20, "x", Thread::new)) {
            dev.egressguard.engine.decision.Decision.Builder b = TestDecisions.allow(1).toBuilder();
            b.recorded = false;
            dev.egressguard.engine.decision.Decision quiet = b.build();
            assertEquals(null, r.record(quiet));
        }
        assertEquals(1, lines(audit).size(), "only agent.stop");
    }
}
