package dev.egressguard.engine.bench;

import dev.egressguard.engine.CheckResult;
import dev.egressguard.engine.EgressGuard;
import java.util.concurrent.TimeUnit;
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
 * SPEC §13 first row: deciding a clean 4 KB chat prompt with the default policy, the whole
 * {@code checkExfiltration} path (URL, registry, every detector, score, decision). Sampled, so
 * JMH reports the median (p0.50) per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CheckExfiltrationBenchmark {
    private static final String URL = "https://api.openai.com/v1/chat/completions";
    private static final String PROSE = "Please summarise the following meeting notes for the product team. "
            + "We discussed the roadmap for the next quarter, the hiring plan for the platform group, and "
            + "the feedback from the customer advisory board about onboarding. The team agreed to simplify "
            + "the setup wizard, to write clearer error messages, and to measure time to first success. ";

    private EgressGuard guard;
    private String prompt;

    @Setup
    public void setUp() {
        guard = EgressGuard.withDefaultPolicy();
        StringBuilder b = new StringBuilder(4096);
        while (b.length() < 4096) {
            b.append(PROSE);
        }
        prompt = b.substring(0, 4096);
        if (guard.checkExfiltration(URL, prompt, "bench").detections().size() != 0) {
            throw new IllegalStateException("the clean prompt must be clean");
        }
    }

    @Benchmark
    public CheckResult cleanChatPrompt4k() {
        return guard.checkExfiltration(URL, prompt, "bench");
    }
}
