package dev.egressguard.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * JSON Lines in, one JSON line out per input line, same order (SPEC §10 {@code --batch}).
 * A bad line gets an error object on its output line and the batch goes on.
 */
final class BatchInput {
    private BatchInput() {
    }

    interface LineDecider {
        ObjectNode decide(JsonNode line) throws LineException;
    }

    /** A line that cannot be decided; its message goes into the line's error object. */
    static final class LineException extends Exception {
        private static final long serialVersionUID = 1L;

        LineException(String message) {
            super(message);
        }
    }

    /** @param file a path, or {@code -} for standard input */
    static int run(String file, PrintStream out, LineDecider decider) throws UsageException {
        try (BufferedReader in = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Paths.get(file), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                out.println(decideLine(line, n, decider));
            }
            return 0;
        } catch (IOException e) {
            throw new UsageException("cannot read batch file " + file + ": " + e.getMessage());
        }
    }

    private static ObjectNode decideLine(String text, int lineNumber, LineDecider decider) {
        try {
            JsonNode node = DecisionJson.MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new LineException("not a JSON object");
            }
            return decider.decide(node);
        } catch (LineException e) {
            return error(lineNumber, e.getMessage());
        } catch (IOException e) {
            return error(lineNumber, "not valid JSON");
        } catch (RuntimeException e) {
            return error(lineNumber, "could not be decided (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ObjectNode error(int line, String message) {
        ObjectNode n = DecisionJson.MAPPER.createObjectNode();
        n.put("line", line);
        n.put("error", message);
        return n;
    }
}
