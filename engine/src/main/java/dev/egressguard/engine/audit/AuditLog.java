package dev.egressguard.engine.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Appends sealed records to one audit trail (SPEC §8), safely shared by threads and processes.
 *
 * <p>Every append holds the trail's lock (an in-JVM lock, then a {@link FileLock} on
 * {@code <audit>.lock}) and treats the checkpoint {@code <audit>.head} as the truth about the
 * last seq, hash and file size. When the file is longer than the checkpoint says, a writer
 * died between appending and checkpointing: the complete records past the checkpoint are
 * taken as they are, and a torn last line is closed with a newline and followed by an
 * {@code audit.recovered} record naming its SHA-256, so the verifier can tell a crash from tampering.
 */
public final class AuditLog {
    /** How far back a writer without a checkpoint reads to find the last record. */
    private static final long SCAN_LIMIT = 8L << 20;
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path path;
    private final Path headPath;
    private final Path lockPath;
    private final ChainHash chain;
    private final long maxBytes;
    private final String agentId;
    private final long pid;
    private final ReentrantLock jvmLock;
    /** Checkpoint width: the JSON padded with spaces, so each checkpoint overwrites the last exactly. */
    private static final int HEAD_WIDTH = 512;
    private FileChannel lockChannel;
    private FileChannel headChannel;
    private Object headKey;
    private Object lockKey;
    private FileChannel out;
    private Object outKey;
    private boolean lockWarned;
    private boolean shortWarned;
    private Consumer<Map<String, Object>> foreignRecords;
    /** Our own view after our last append, to spot what other processes wrote since. */
    private long mySeq = -1;
    private long mySize = -1;
    private String myFile;
    /** The batch being sealed, reused from one append to the next (appends hold the lock). */
    private Bytes batchBuffer = new Bytes(INITIAL_BATCH_BYTES);
    /** The checkpoint as we last wrote it, and its content: read back unchanged, it need not be parsed again. */
    private byte[] lastHeadBytes;
    private Map<String, Object> lastHead;

    private AuditLog(Path path, String key, long maxBytes, String agentId) {
        this.path = path.toAbsolutePath().normalize();
        this.headPath = AuditFiles.head(this.path);
        this.lockPath = AuditFiles.lock(this.path);
        this.chain = new ChainHash(key);
        this.maxBytes = maxBytes <= 0 ? Long.MAX_VALUE : maxBytes;
        this.agentId = agentId;
        this.pid = ProcessHandle.current().pid();
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.path, p -> new ReentrantLock());
    }

    /** Opens the trail for appending; fails at once when the file cannot be created or written. */
    public static AuditLog open(Path path, String key, long maxBytes, String agentId) throws IOException {
        AuditLog log = new AuditLog(path, key, maxBytes, agentId);
        Path dir = log.path.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException("directory " + dir + " does not exist");
        }
        try (FileChannel ch = FileChannel.open(log.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            // opened and closed only to prove the file is writable
        }
        log.lockChannel = FileChannel.open(log.lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return log;
    }

    /** Closes the files; a later append opens them again. */
    public void close() {
        jvmLock.lock();
        try {
            closeOutput();
            for (FileChannel ch : new FileChannel[] {headChannel, lockChannel}) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException e) {
                        // closing a channel with nothing pending
                    }
                }
            }
            headChannel = null;
            lockChannel = null;
        } finally {
            jvmLock.unlock();
        }
    }

    /** The chain algorithm the trail's checkpoint names ({@code sha256}, {@code hmac-sha256}), or null without one. */
    public static String chainOf(Path audit) {
        try {
            Path head = AuditFiles.head(audit);
            if (!Files.exists(head)) {
                return null;
            }
            Object chain = Json.parseObject(new String(Files.readAllBytes(head), StandardCharsets.UTF_8).trim()).get("chain");
            return chain == null ? null : chain.toString();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    public Path path() {
        return path;
    }

    /** Called, under the lock, with each {@code incident.status} record other processes appended since our last write. */
    public void onForeignRecords(Consumer<Map<String, Object>> listener) {
        this.foreignRecords = listener;
    }

    /**
     * Seals and appends: each record gets {@code seq}, {@code prevHash} and {@code hash} (the maps
     * are updated in place) and all are written and flushed to the file before this returns.
     */
    public void append(List<Map<String, Object>> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        jvmLock.lock();
        try {
            FileLock fileLock = lockFile();
            try {
                appendLocked(records);
            } finally {
                if (fileLock != null) {
                    fileLock.release();
                }
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private FileLock lockFile() {
        try {
            // every writer must lock the same file: reopen if it was deleted or replaced under us
            if (lockChannel == null || !lockChannel.isOpen() || lockKey == null || !lockKey.equals(fileKey(lockPath))) {
                if (lockChannel != null) {
                    lockChannel.close();
                }
                lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lockKey = fileKey(lockPath);
            }
            return lockChannel.lock();
        } catch (IOException | RuntimeException e) {
            if (!lockWarned) {
                lockWarned = true;
                System.err.println("[egress-guard] cannot lock " + lockPath + " (" + e.getMessage()
                        + "); appending without the cross-process lock");
            }
            return null;
        }
    }

    private void appendLocked(List<Map<String, Object>> records) throws IOException {
        Tip tip = catchUp();
        List<Map<String, Object>> all = records;
        if (tip.recovery != null) {
            all = new ArrayList<>(records.size() + 1);
            all.add(tip.recovery);
            all.addAll(records);
        }
        Bytes batch = batchBuffer;
        batch.length = 0;
        if (tip.needsNewline) {
            batch.add((byte) '\n');
        }
        long seq = tip.seq;
        String prev = tip.hash;
        StringBuilder line = new StringBuilder(1024);
        for (Map<String, Object> r : all) {
            seq++;
            prev = seal(r, seq, prev, line, batch);
        }
        long size = tip.size;
        if (size > 0 && size + batch.length > maxBytes && !tip.needsNewline) {
            rotate();
            size = 0;
        }
        FileChannel ch = output(tip.fileKey);
        ByteBuffer buf = ByteBuffer.wrap(batch.bytes, 0, batch.length);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        size += batch.length;
        if (batch.bytes.length > MAX_KEPT_BATCH_BYTES) {
            batchBuffer = new Bytes(INITIAL_BATCH_BYTES); // a burst's buffer is not kept for the life of the JVM
        }
        writeHead(seq, prev, size);
        mySeq = seq;
        mySize = size;
        myFile = path.getFileName().toString();
    }

    /**
     * Gives {@code r} its seq, prevHash and hash and appends its line to {@code batch}; returns the hash. A method
     * of its own, called once a record: the JIT compiles it early and keeps it compiled, where the batch loop
     * around it runs only a hundred times a second.
     */
    private String seal(Map<String, Object> r, long seq, String prev, StringBuilder line, Bytes batch) {
        line.setLength(0);
        int at;
        if (r instanceof CanonicalRecord) {
            at = ((CanonicalRecord) r).writeWithoutHash(seq, prev, line);
        } else {
            r.remove("hash");
            r.put("seq", seq);
            r.put("prevHash", prev);
            at = Json.writeWithout(r, "hash", line);
        }
        // encoded once: the same bytes are hashed and then written, split where the hash goes
        String text = line.toString();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int cut = at < 0 ? text.length() - 1 : at;
        int byteCut = utf8.length == text.length() ? cut
                : text.substring(0, cut).getBytes(StandardCharsets.UTF_8).length;
        String hash = chain.next(prev, utf8, utf8.length);
        // the line itself is canonical too (hash in its sorted place), so bytes can be compared as well
        batch.add(utf8, 0, byteCut);
        if (at < 0) {
            batch.add((byte) ',');
        }
        batch.add(HASH_KEY, 0, HASH_KEY.length);
        batch.addAscii(hash);
        batch.add((byte) '"');
        if (at >= 0) {
            batch.add((byte) ',');
        }
        batch.add(utf8, byteCut, utf8.length - byteCut);
        batch.add((byte) '\n');
        if (r instanceof CanonicalRecord) {
            ((CanonicalRecord) r).sealed(seq, prev, hash);
        } else {
            r.put("hash", hash);
        }
        return hash;
    }

    /** The open file, reopened when the path now names another file (rotated by another writer). */
    private FileChannel output(Object currentKey) throws IOException {
        if (out != null && out.isOpen() && outKey != null && outKey.equals(currentKey)) {
            return out;
        }
        closeOutput();
        out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        outKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        return out;
    }

    private void closeOutput() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // nothing was pending: every append is written before it returns
            }
            out = null;
            outKey = null;
        }
    }

    private void rotate() throws IOException {
        closeOutput();
        Path target = AuditFiles.nextRotated(path);
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(path, target);
        }
    }

    private static final int INITIAL_BATCH_BYTES = 32 << 10;
    private static final int MAX_KEPT_BATCH_BYTES = 1 << 20;
    private static final byte[] HASH_KEY = "\"hash\":\"".getBytes(StandardCharsets.US_ASCII);

    /** A growable byte array: the batch, written with one write(). */
    private static final class Bytes {
        byte[] bytes;
        int length;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void add(byte b) {
            room(1);
            bytes[length++] = b;
        }

        void add(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        /** A string known to be ASCII (a hex hash). */
        void addAscii(String s) {
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        private void room(int n) {
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
            }
        }
    }

    private static final class Tip {
        long seq;
        String hash = ChainHash.GENESIS;
        long size;
        Object fileKey;
        boolean needsNewline;
        Map<String, Object> recovery;
    }

    /** Where the chain ends now, from the checkpoint and whatever was written past it. */
    private Tip catchUp() throws IOException {
        Tip tip = new Tip();
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            tip.size = a.size();
            tip.fileKey = a.fileKey();
        } catch (NoSuchFileException e) {
            tip.size = 0;
        }
        Map<String, Object> head = readHead();
        long headSize = head == null ? -1 : asLong(head.get("size"));
        boolean sameFile = head != null && path.getFileName().toString().equals(head.get("file"));
        if (head != null) {
            tip.seq = asLong(head.get("seq"));
            tip.hash = String.valueOf(head.get("hash"));
        }
        if (head != null && sameFile && headSize == tip.size) {
            reportForeign(tip);
            return tip;
        }
        if (head != null && sameFile && tip.size < headSize) {
            if (!shortWarned) {
                shortWarned = true;
                System.err.println("[egress-guard] " + path + " is shorter than its checkpoint " + headPath
                        + " says (cut off or edited?); the chain goes on from the checkpoint and `audit verify` will flag it");
            }
            return tip;
        }
        if (head == null && tip.size == 0) {
            List<Path> rotated = AuditFiles.rotated(path);
            if (!rotated.isEmpty()) {
                scan(rotated.get(rotated.size() - 1), 0, tip, false);
                tip.needsNewline = false;
                tip.recovery = null;
                tip.size = 0;
            }
            return tip;
        }
        long from = head != null && sameFile ? headSize : Math.max(0, tip.size - SCAN_LIMIT);
        if (head != null && !sameFile) {
            from = 0;
        }
        scan(path, from, tip, from > 0 && head == null);
        return tip;
    }

    /** Reads records from {@code from} to the end: the last complete one becomes the tip; a torn tail is noted. */
    private void scan(Path file, long from, Tip tip, boolean skipPartialFirst) throws IOException {
        byte[] bytes;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            bytes = new byte[(int) Math.max(0, len - from)];
            raf.seek(from);
            raf.readFully(bytes);
        }
        int start = 0;
        if (skipPartialFirst) {
            int nl = indexOf(bytes, 0);
            start = nl < 0 ? bytes.length : nl + 1;
        }
        while (start < bytes.length) {
            int nl = indexOf(bytes, start);
            boolean complete = nl >= 0;
            int end = complete ? nl : bytes.length;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            Map<String, Object> rec = parseRecord(line);
            if (rec != null) {
                tip.seq = asLong(rec.get("seq"));
                tip.hash = String.valueOf(rec.get("hash"));
                if (!complete) {
                    tip.needsNewline = true;
                }
            } else if (!complete && !line.trim().isEmpty()) {
                tip.needsNewline = true;
                tip.recovery = recoveryRecord(Arrays.copyOfRange(bytes, start, end), file);
            }
            start = end + 1;
        }
    }

    private Map<String, Object> recoveryRecord(byte[] torn, Path file) {
        Map<String, Object> r = new TreeMap<>();
        r.put("type", "audit.recovered");
        r.put("time", RecordTime.format(System.currentTimeMillis()));
        r.put("agentId", agentId);
        r.put("pid", pid);
        r.put("file", file.getFileName().toString());
        r.put("tornBytes", (long) torn.length);
        r.put("tornSha256", ChainHash.sha256Hex(torn));
        r.put("reason", "a writer stopped in the middle of a record (crash or kill); the partial line above was kept, "
                + "closed with a newline and left out of the chain");
        return r;
    }

    /** Hands incident.status records other processes appended since our last write to the listener. */
    private void reportForeign(Tip tip) {
        if (foreignRecords == null || mySeq < 0 || tip.seq <= mySeq
                || !path.getFileName().toString().equals(myFile) || tip.size <= mySize) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(SCAN_LIMIT, tip.size - mySize)];
            raf.seek(mySize);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.contains("\"type\":\"incident.status\"")) {
                    Map<String, Object> rec = parseRecord(line);
                    if (rec != null) {
                        foreignRecords.accept(rec);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // only an optimisation: a missed status change leaves an incident open a little longer
        }
    }

    private static Map<String, Object> parseRecord(String line) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            return null;
        }
        try {
            Map<String, Object> m = Json.parseObject(line);
            return m.get("seq") instanceof Long && m.get("hash") instanceof String ? m : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Map<String, Object> readHead() {
        try {
            FileChannel h = headChannel();
            long len = h.size();
            if (len == 0 || len > 64 * 1024) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) len);
            while (buf.hasRemaining() && h.read(buf, buf.position()) > 0) {
                // positional reads until the whole checkpoint is in
            }
            byte[] mine = lastHeadBytes;
            if (mine != null && buf.position() == mine.length
                    && Arrays.equals(buf.array(), 0, mine.length, mine, 0, mine.length)) {
                return lastHead; // still the checkpoint we wrote: nobody appended since, no need to parse it
            }
            Map<String, Object> m = Json.parseObject(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim());
            return m.get("seq") instanceof Long && m.get("hash") instanceof String ? m : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Overwrites the checkpoint in place, padded with spaces to a fixed width so a shorter
     * checkpoint never leaves the end of a longer one behind. One write() of a few hundred
     * bytes: a process that dies cannot leave half of it.
     */
    private void writeHead(long seq, String hash, long size) throws IOException {
        // the canonical JSON of {chain, file, hash, seq, size}, keys in sorted order, written directly: once a batch
        String file = path.getFileName().toString();
        StringBuilder text = new StringBuilder(HEAD_WIDTH);
        text.append("{\"chain\":");
        Json.writeString(chain.algorithm(), text);
        text.append(",\"file\":");
        Json.writeString(file, text);
        text.append(",\"hash\":");
        Json.writeString(hash, text);
        text.append(",\"seq\":").append(seq).append(",\"size\":").append(size).append('}');
        while (text.length() < HEAD_WIDTH - 1) {
            text.append(' ');
        }
        text.append('\n');
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        lastHeadBytes = null;
        FileChannel ch = headChannel();
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long pos = 0;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
        if (ch.size() > bytes.length) {
            ch.truncate(bytes.length);
        }
        lastHead = Map.of("chain", chain.algorithm(), "file", file, "hash", hash, "seq", seq, "size", size);
        lastHeadBytes = bytes;
    }

    /** The checkpoint, reopened when the file at its path is no longer the one we hold (deleted or replaced). */
    private FileChannel headChannel() throws IOException {
        if (headChannel != null && headChannel.isOpen() && headKey != null && headKey.equals(fileKey(headPath))) {
            return headChannel;
        }
        if (headChannel != null) {
            headChannel.close();
        }
        headChannel = FileChannel.open(headPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        headKey = fileKey(headPath);
        return headChannel;
    }

    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    static long asLong(Object o) {
        return o instanceof Number ? ((Number) o).longValue() : -1;
    }
}
