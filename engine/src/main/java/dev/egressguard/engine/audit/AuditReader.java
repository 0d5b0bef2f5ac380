package dev.egressguard.engine.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a whole trail, rotated files included, oldest first; lines that are not records are skipped. */
public final class AuditReader {
    /** One record and where it is. */
    public static final class Entry {
        private final Map<String, Object> record;
        private final Path file;
        private final int line;

        Entry(Map<String, Object> record, Path file, int line) {
            this.record = record;
            this.file = file;
            this.line = line;
        }

        public Map<String, Object> record() { return record; }
        public Path file() { return file; }
        /** 1-based line in {@link #file()}. */
        public int line() { return line; }
    }

    private AuditReader() {
    }

    /** @throws NoSuchFileException when neither the file nor any rotated file of it exists */
    public static List<Entry> readAll(Path audit) throws IOException {
        List<Path> files = AuditFiles.chain(audit);
        if (files.isEmpty()) {
            throw new NoSuchFileException(audit.toString(), null, "no audit file (nor rotated " + audit.getFileName() + ".N files)");
        }
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            int lineNo = 0;
            int start = 0;
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? text.length() : nl;
                lineNo++;
                String line = text.substring(start, end);
                if (!line.isEmpty() && line.charAt(0) == '{') {
                    try {
                        out.add(new Entry(Json.parseObject(line), f, lineNo));
                    } catch (IllegalArgumentException e) {
                        // a torn or foreign line; `audit verify` reports it
                    }
                }
                start = end + 1;
            }
        }
        return out;
    }
}
