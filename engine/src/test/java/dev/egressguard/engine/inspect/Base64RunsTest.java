package dev.egressguard.engine.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.egressguard.config.PatternType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scan looks for base64 runs only where something other than prose is (a long word, a digit
 * group, '+', '-', '/', what a check consumed); on random texts it must still find exactly the
 * maximal runs of 16 or more base64 characters, each with up to two '=' of padding.
 */
class Base64RunsTest {
    private static final Detectors ALL = new Detectors(EnumSet.allOf(PatternType.class), List.of(), List.of());
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/-_=  .,:@!([<\u00e9\n\"'";
    private static final String[] PIECES = {"SGVsbG8gV29ybGQh", "aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Q=", "sk-proj-",
        "AKIA", "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "E11.9", "https://x.example.com/a/b/c/d/e/f/g", "ghp_",
        "![a](http://x/?q=aGVsbG8gd29ybGQgdGhpcw==)", "<|im_start|>", "v1.2.3-rc1", "2024-03-14T10:22:05Z"};

    @Test
    void theRunsFoundAreTheMaximalRunsOfTheText() {
        Random r = new Random(20261122L);
        for (int t = 0; t < 50_000; t++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(160);
            while (sb.length() < len) {
                if (r.nextInt(8) == 0) {
                    sb.append(PIECES[r.nextInt(PIECES.length)]);
                } else {
                    // letters and digits half the time, so that long runs are common
                    sb.append(CHARS.charAt(r.nextInt(r.nextBoolean() ? 62 : CHARS.length())));
                }
            }
            char[] a = sb.toString().toCharArray();
            Scan scan = new Scan(ALL, TextView.root(a, a.length, null), new Findings("body", false));
            scan.run();
            int[] found = scan.base64Runs == null ? new int[0] : Arrays.copyOf(scan.base64Runs, 2 * scan.base64Count);
            assertArrayEquals(maximalRuns(a), found, () -> "runs of a text of " + a.length + " characters");
        }
    }

    private static int[] maximalRuns(char[] a) {
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (i < a.length) {
            if (!Base64Text.isAlphabet(a[i])) {
                i++;
                continue;
            }
            int s = i;
            while (i < a.length && Base64Text.isAlphabet(a[i])) {
                i++;
            }
            if (i - s >= Base64Text.MIN_RUN) {
                int pad = i;
                while (pad < a.length && pad - i < 2 && a[pad] == '=') {
                    pad++;
                }
                out.add(s);
                out.add(pad);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
