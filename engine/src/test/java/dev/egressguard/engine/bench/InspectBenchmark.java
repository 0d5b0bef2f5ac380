package dev.egressguard.engine.bench;

import dev.egressguard.config.Policy;
import dev.egressguard.engine.inspect.Inspection;
import dev.egressguard.engine.inspect.Inspector;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC §13 rows 2-3: {@link Inspector#inspectBody} on a clean 4 KB chat prompt and on 4 KB of
 * number-dense text, side by side with a naive scanner (nine regexes in a row) over the same text.
 * SampleTime mode, so JMH prints the median (p0.50). Run: see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// on a shared machine C2 needs this much warm-up before the dense case reaches its steady state
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class InspectBenchmark {
    /** The naive way: one regex per type, each over the whole text. */
    private static final Pattern[] NAIVE = {
        Pattern.compile("\\b\\d{3}[- .]\\d{2}[- .]\\d{4}\\b"),
        Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"),
        Pattern.compile("\\b(?:sk-[A-Za-z0-9_-]{20,}|AKIA[A-Z0-9]{16}|gh[pousr]_[A-Za-z0-9]{36,}|xox[abeprs]-[A-Za-z0-9-]{10,}|AIza[A-Za-z0-9_-]{35}|eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)"),
        Pattern.compile("(?i)(?:password|passwd|pwd|passphrase)\\s*[:=]\\s*\\S+"),
        Pattern.compile("(?i)\\b(?:MRN|medical record)\\W{0,5}[A-Z0-9]{6,10}\\b"),
        Pattern.compile("(?:\\+\\d{8,15}|\\(?\\b\\d{3}\\)?[-. ]\\d{3}[-. ]\\d{4}\\b)"),
        Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
        Pattern.compile("\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b"),
        Pattern.compile("(?i)(?:ignore|disregard|forget)\\s+(?:all\\s+|the\\s+)?(?:previous|prior|above)\\s+(?:instructions|rules|prompt)|you are now|developer mode|<\\|im_start\\|>|\\[INST\\]|<<SYS>>"),
    };

    private Inspector inspector;
    private byte[] clean;
    private byte[] paragraphs;
    private byte[] dense;
    private String cleanText;
    private String denseText;

    @Setup
    public void setUp() {
        inspector = Inspector.forPolicy(Policy.defaultPolicy(), 1 << 20);
        clean = BenchTexts.cleanChatBody();
        dense = BenchTexts.denseChatBody();
        paragraphs = BenchTexts.cleanChatBodyWithParagraphs();
        cleanText = new String(clean, StandardCharsets.UTF_8);
        denseText = new String(dense, StandardCharsets.UTF_8);
    }

    @Benchmark
    public Inspection inspectCleanPrompt() {
        return inspector.inspectBody(clean, "application/json", null);
    }

    @Benchmark
    public Inspection inspectCleanPromptWithParagraphs() {
        return inspector.inspectBody(paragraphs, "application/json", null);
    }

    @Benchmark
    public Inspection inspectDenseText() {
        return inspector.inspectBody(dense, "application/json", null);
    }

    @Benchmark
    public int naiveRegexCleanPrompt() {
        return naive(cleanText);
    }

    @Benchmark
    public int naiveRegexDenseText() {
        return naive(denseText);
    }

    /** Yardstick for this machine: decoding the body to characters once, nothing else. */
    @Benchmark
    public char[] baselineDecodeOnly() {
        return new String(clean, StandardCharsets.UTF_8).toCharArray();
    }

    /** Yardstick: one table look-up per character of the clean prompt, the least any scanner does. */
    @Benchmark
    public int baselineOnePass() {
        int count = 0;
        for (int i = 0; i < cleanText.length(); i++) {
            char c = cleanText.charAt(i);
            if (c < 128 && CLASSES[c] != 0) {
                count++;
            }
        }
        return count;
    }

    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = 1;
        }
        CLASSES['@'] = 1;
        CLASSES[':'] = 1;
        CLASSES['='] = 1;
    }

    private static int naive(String text) {
        int found = 0;
        for (Pattern p : NAIVE) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found++;
            }
        }
        return found;
    }
}
