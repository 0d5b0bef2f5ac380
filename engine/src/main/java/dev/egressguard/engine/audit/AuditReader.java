package dev.egressguard.engine.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
        List<Entry> out = new ArrayList<>();
        forEach(audit, out::add);
        return out;
    }

    /**
     * Streams every record, oldest first, one line in memory at a time: trails run to many
     * rotated files of auditMaxBytes each.
     *
     * @throws NoSuchFileException when neither the file nor any rotated file of it exists
     */
    public static void forEach(Path audit, Consumer<Entry> visitor) throws IOException {
        List<Path> files = AuditFiles.chain(audit);
        if (files.isEmpty()) {
            throw new NoSuchFileException(audit.toString(), null, "no audit file (nor rotated " + audit.getFileName() + ".N files)");
        }
        for (Path f : files) {
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                int lineNo = 0;
                String line;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (!line.isEmpty() && line.charAt(0) == '{') {
                        Map<String, Object> record;
                        try {
                            record = Json.parseObject(line);
                        } catch (IllegalArgumentException e) {
                            continue; // a torn or foreign line; `audit verify` reports it
                        }
                        visitor.accept(new Entry(record, f, lineNo));
                    }
                }
            }
        }
    }
}
