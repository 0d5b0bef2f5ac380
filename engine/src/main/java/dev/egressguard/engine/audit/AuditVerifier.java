package dev.egressguard.engine.audit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a trail end to end (SPEC §8, §10 {@code audit verify}): every record's hash against its
 * content, seq continuity and prevHash links across rotated files, and the checkpoint against
 * the last record, so edited, deleted, inserted and reordered records and a cut-off tail are
 * all found. A line torn by a crash and followed by its {@code audit.recovered} record is a
 * crash, not tampering.
 */
public final class AuditVerifier {
    /** What verification found. */
    public static final class Result {
        public enum Status { INTACT, TAMPERED, NEEDS_KEY }

        private final Status status;
        private final long records;
        private final long seq;
        private final int line;
        private final String why;
        private final List<String> notes;

        Result(Status status, long records, long seq, int line, String why, List<String> notes) {
            this.status = status;
            this.records = records;
            this.seq = seq;
            this.line = line;
            this.why = why;
            this.notes = List.copyOf(notes);
        }

        public Status status() { return status; }
        public boolean intact() { return status == Status.INTACT; }
        /** Records verified (all of them when intact). */
        public long records() { return records; }
        /** The seq where tampering was found. */
        public long seq() { return seq; }
        /** The 1-based line (in the file {@link #why()} names when the trail has rotated files). */
        public int line() { return line; }
        public String why() { return why; }
        /** Crash recoveries and other facts worth knowing about an intact trail. */
        public List<String> notes() { return notes; }

        /** {@code intact: N records} or {@code TAMPERED at seq N (line L): why}. */
        public String headline() {
            switch (status) {
                case INTACT: return "intact: " + records + " records";
                case TAMPERED: return "TAMPERED at seq " + seq + " (line " + line + "): " + why;
                default: return why;
            }
        }
    }

    private AuditVerifier() {
    }

    public static Result verify(Path audit, String key) throws IOException {
        List<Path> files = AuditFiles.chain(audit);
        if (files.isEmpty()) {
            throw new NoSuchFileException(audit.toString(), null, "no audit file (nor rotated " + audit.getFileName() + ".N files)");
        }
        Map<String, Object> head = readHead(audit);
        ChainHash chain = new ChainHash(key);
        if (!chain.keyed() && head != null && "hmac-sha256".equals(head.get("chain"))) {
            return new Result(Result.Status.NEEDS_KEY, 0, 0, 0,
                    "the trail is keyed (HMAC-SHA256): pass --key K or set EGRESSGUARD_AUDIT_KEY", List.of());
        }
        List<String> notes = new ArrayList<>();
        boolean multi = files.size() > 1;
        long expectedSeq = 1;
        String expectedPrev = ChainHash.GENESIS;
        long count = 0;
        long headSeq = head == null ? -1 : AuditLog.asLong(head.get("seq"));
        String hashAtHeadSeq = null;
        int lastLine = 0;
        String lastFile = null;

        for (int fi = 0; fi < files.size(); fi++) {
            Path f = files.get(fi);
            boolean lastFileOfChain = fi == files.size() - 1;
            String in = multi ? "in " + f.getFileName() + ": " : "";
            lastFile = f.getFileName().toString();
            lastLine = 0;
            String tornSha = null;
            int tornLine = 0;
            try (LineReader lines = new LineReader(f)) {
                byte[] raw;
                while ((raw = lines.next()) != null) {
                    int lineNo = ++lastLine;
                    boolean terminated = lines.terminated();
                    String text = new String(raw, StandardCharsets.UTF_8);
                    Map<String, Object> rec = parse(text);
                    if (rec == null) {
                        if (!terminated && lastFileOfChain) {
                            notes.add(in + "line " + lineNo + " was torn by a crash (a writer died mid-record); "
                                    + "the next writer will close it and record the recovery");
                            break;
                        }
                        if (terminated && tornSha == null) {
                            tornSha = ChainHash.sha256Hex(raw);
                            tornLine = lineNo;
                            continue;
                        }
                        return tampered(count, expectedSeq, lineNo, in + "line is not a record of the trail"
                                + (text.isEmpty() ? " (blank line)" : ""), notes);
                    }
                    if (tornSha != null) {
                        if (!"audit.recovered".equals(rec.get("type")) || !tornSha.equals(rec.get("tornSha256"))) {
                            return tampered(count, expectedSeq, tornLine, in + "line is not a record of the trail", notes);
                        }
                        notes.add(in + "line " + tornLine + " was torn by a crash and recovered at seq " + rec.get("seq")
                                + " (not tampering)");
                        tornSha = null;
                    }
                    Object seqObj = rec.get("seq");
                    Object hashObj = rec.get("hash");
                    if (!(seqObj instanceof Long) || !(hashObj instanceof String) || !(rec.get("prevHash") instanceof String)) {
                        return tampered(count, expectedSeq, lineNo, in + "record lacks seq, prevHash or hash", notes);
                    }
                    long seq = (Long) seqObj;
                    Map<String, Object> withoutHash = new TreeMap<>(rec);
                    withoutHash.remove("hash");
                    String computed = chain.next((String) rec.get("prevHash"), Json.write(withoutHash));
                    if (!computed.equals(hashObj)) {
                        return tampered(count, seq, lineNo, in + "hash does not match the record's content (record edited"
                                + (chain.keyed() ? ", or the chain was not written with this key)" : ")"), notes);
                    }
                    if (seq > expectedSeq) {
                        return tampered(count, seq, lineNo, in + "expected seq " + expectedSeq + ", found seq " + seq
                                + ": record(s) deleted or moved", notes);
                    }
                    if (seq < expectedSeq) {
                        return tampered(count, seq, lineNo, in + "seq " + seq + " follows seq " + (expectedSeq - 1)
                                + ": record inserted, repeated or moved", notes);
                    }
                    if (!expectedPrev.equals(rec.get("prevHash"))) {
                        return tampered(count, seq, lineNo, in + "prevHash is not the hash of the record before it"
                                + (seq == 1 ? " (the chain's first record must have 64 zeros)" : "")
                                + ": record inserted or replaced", notes);
                    }
                    if (seq == headSeq) {
                        hashAtHeadSeq = (String) hashObj;
                    }
                    expectedSeq = seq + 1;
                    expectedPrev = (String) hashObj;
                    count++;
                }
            }
            if (tornSha != null) {
                return tampered(count, expectedSeq, tornLine, in + "line is not a record of the trail", notes);
            }
        }
        String inLast = multi ? "in " + lastFile + ": " : "";
        if (head == null) {
            if (count > 0) {
                notes.add("no checkpoint file " + AuditFiles.head(audit).getFileName()
                        + ": a cut-off tail could not be checked");
            }
        } else if (head.containsKey("broken") || !(head.get("seq") instanceof Long)) {
            return tampered(count, expectedSeq, lastLine + 1, "the checkpoint " + AuditFiles.head(audit).getFileName()
                    + " is not a valid checkpoint (edited?)", notes);
        } else if (headSeq > expectedSeq - 1) {
            return tampered(count, expectedSeq, lastLine + 1, inLast + "the trail ends at seq " + (expectedSeq - 1)
                    + " but its checkpoint says seq " + headSeq + ": records cut off", notes);
        } else if (hashAtHeadSeq == null || !hashAtHeadSeq.equals(head.get("hash"))) {
            return tampered(count, headSeq, 0, "the record at the checkpoint's seq " + headSeq
                    + " does not have the checkpoint's hash", notes);
        } else if (headSeq < expectedSeq - 1) {
            notes.add((expectedSeq - 1 - headSeq) + " record(s) after the checkpoint (a writer stopped before updating it)");
        }
        return new Result(Result.Status.INTACT, count, 0, 0, null, notes);
    }

    private static Result tampered(long count, long seq, int line, String why, List<String> notes) {
        return new Result(Result.Status.TAMPERED, count, seq, line, why, notes);
    }

    /** Lines of a file as bytes, one at a time, knowing whether each ended with a newline (a torn last line does not). */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private boolean terminated;

        LineReader(Path f) throws IOException {
            in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
        }

        byte[] next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    terminated = true;
                    return line.toByteArray();
                }
                line.write(b);
            }
            terminated = false;
            return line.size() == 0 ? null : line.toByteArray();
        }

        boolean terminated() {
            return terminated;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Map<String, Object> parse(String line) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            return null;
        }
        try {
            return Json.parseObject(line);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> readHead(Path audit) {
        Path h = AuditFiles.head(audit);
        try {
            if (!Files.exists(h)) {
                return null;
            }
            String text = new String(Files.readAllBytes(h), StandardCharsets.UTF_8).trim();
            // a writer creates the checkpoint just before its first append fills it
            return text.isEmpty() ? null : Json.parseObject(text);
        } catch (IOException | IllegalArgumentException e) {
            Map<String, Object> broken = new TreeMap<>();
            broken.put("broken", Boolean.TRUE);
            return broken;
        }
    }
}
