package dev.egressguard.engine.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The state of one analysis: the original argv, the findings so far, and the bounds on work. */
final class AnalysisContext {
    /** Commands analysed per call, nested ones included: a bound against pathological scripts. */
    static final int MAX_COMMANDS = 5_000;
    static final int MAX_NESTING = 32;
    /** Files read per call: each holds up to maxFileBytes in memory until the analysis is inspected. */
    static final int MAX_FILES_READ = 64;

    final List<String> argv;
    final long maxFileBytes;
    final Set<String> commandLines = new LinkedHashSet<>();
    final List<NetworkInvocation> invocations = new ArrayList<>();
    final Set<String> obfuscations = new LinkedHashSet<>();
    private int commands;
    private int filesRead;

    AnalysisContext(List<String> argv, long maxFileBytes) {
        this.argv = argv;
        this.maxFileBytes = maxFileBytes;
    }

    void obfuscation(String reason) {
        obfuscations.add(reason);
    }

    /** Counts one more command; false once the bound is reached (reported once as obfuscation). */
    boolean step(int depth) {
        if (depth > MAX_NESTING) {
            obfuscation("commands nested deeper than " + MAX_NESTING + " levels");
            return false;
        }
        if (++commands > MAX_COMMANDS) {
            obfuscation("more than " + MAX_COMMANDS + " commands; the rest was not analysed");
            return false;
        }
        return true;
    }

    /** The original argv index holding {@code text} verbatim, or -1. */
    int verbatimIndex(int origin, String text) {
        if (text == null || origin < 0 || origin >= argv.size()) return -1;
        String a = argv.get(origin);
        return a != null && a.contains(text) ? origin : -1;
    }

    Payload inline(Arg from, String text, boolean credentialSlot) {
        return new Payload(from.origin < 0 ? "script" : "arg:" + from.origin, text, credentialSlot, !from.dynamic, verbatimIndex(from.origin, text));
    }

    Payload stdin(StdinSource in, boolean credentialSlot) {
        switch (in.kind) {
            case TEXT:
                return new Payload("stdin", in.value, credentialSlot, !in.dynamic, verbatimIndex(in.origin, in.value));
            case FILE:
                return file(in.value, in.dynamic, in.workingDir, credentialSlot);
            default:
                return new Payload("stdin", null, credentialSlot, false, -1);
        }
    }

    /** A file the tool sends: read (its first maxFileBytes) when it is a regular readable file. */
    Payload file(String path, boolean dynamic, String workingDir, boolean credentialSlot) {
        String text = dynamic ? null : readFile(path, workingDir);
        return new Payload("file:" + path, text, credentialSlot, text != null, -1);
    }

    /** procfs files that look regular but wait for data (kernel log, pressure triggers). */
    private static boolean blocksOnRead(Path p) {
        String s = p.normalize().toString();
        return s.equals("/proc/kmsg") || s.startsWith("/proc/pressure/") || s.startsWith("/sys/kernel/debug/");
    }

    static boolean isStdinPath(String path) {
        return "-".equals(path) || "/dev/stdin".equals(path) || "/dev/fd/0".equals(path) || "/proc/self/fd/0".equals(path);
    }

    String readFile(String path, String workingDir) {
        Path p = resolve(path, workingDir);
        // Only regular files: a FIFO or device would block or never end.
        if (p == null || !Files.isRegularFile(p) || !Files.isReadable(p) || blocksOnRead(p)) return null;
        if (++filesRead > MAX_FILES_READ) {
            obfuscation("more than " + MAX_FILES_READ + " files sent; the rest were not read");
            return null;
        }
        int limit = (int) Math.max(0, Math.min(maxFileBytes, Integer.MAX_VALUE - 16));
        try (InputStream in = Files.newInputStream(p)) {
            byte[] bytes = in.readNBytes(limit);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A directory after {@code cd}: absolute, or relative to the current one. */
    static String resolveDir(String dir, String workingDir) {
        Path p = resolve(dir, workingDir);
        return p == null ? workingDir : p.normalize().toString();
    }

    static Path resolve(String path, String workingDir) {
        if (path == null || path.isEmpty() || path.indexOf('\0') >= 0) return null;
        try {
            String p = path;
            if (p.equals("~") || p.startsWith("~/")) p = System.getProperty("user.home") + p.substring(1);
            Path candidate = Paths.get(p);
            if (candidate.isAbsolute()) return candidate;
            String base = workingDir != null ? workingDir : System.getProperty("user.dir");
            return Paths.get(base).resolve(candidate);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
