package dev.egressguard.it.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whole-process benchmarks of SPEC §13, with and without the agent in alternating runs:
 * start-up time and peak RSS of a small program making one HTTP call, and keep-alive loopback
 * throughput for OkHttp and the JDK client with the audit log on. The server is reached as
 * {@code api.openai.com} (a hosts file maps the name to the loopback address): a loopback name is
 * an internal host, which the default policy allows without inspecting (SPEC §5.6), and would
 * leave inspection out of what is measured.
 * Usage: AgentBenchmark AGENT_JAR [startupRuns] [throughputRuns] [seconds] [parts]
 *
 * <p>With {@code parts}, each throughput round also runs the agent with parts of its work left out,
 * through settings a user has too: a policy with {@code enabled: false} (the hooks and an allow record,
 * no inspection) and {@code audit=off} (the hooks and the decision, no audit record), to show where
 * the time goes.
 */
public final class AgentBenchmark {
    static final String HOST = "api.openai.com";
    /**
     * Steady state: on a 2-core machine C2 is still compiling the JDK client's paths 10 s after a
     * start with the agent (over 1.5 s of compilation in the next 6 s); after 30 s it is done.
     */
    static final int WARMUP_SECONDS = 30;

    public static void main(String[] args) throws Exception {
        String agentJar = new File(args[0]).getAbsolutePath();
        int startupRuns = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int throughputRuns = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        boolean parts = args.length > 4 && args[4].equals("parts");
        Path work = Files.createTempDirectory("eg-bench");
        String agentArg = "-javaagent:" + agentJar + "=audit=" + work.resolve("audit.jsonl") + ",logLevel=warn";
        List<String[]> variants = new ArrayList<>();
        variants.add(new String[] {"without", null});
        if (parts) {
            Path disabled = Files.writeString(work.resolve("disabled.yaml"), "enabled: false\n");
            variants.add(new String[] {"hooks and record, no inspection (policy enabled: false)",
                    agentArg + ",policy=" + disabled});
            variants.add(new String[] {"hooks and decision, no record (audit=off)",
                    "-javaagent:" + agentJar + "=audit=off,logLevel=warn"});
        }
        variants.add(new String[] {"with", agentArg});
        Path hosts = Files.writeString(work.resolve("hosts"), "127.0.0.1 " + HOST + "\n");
        hostsFile = "-Djdk.net.hosts.file=" + hosts;
        try (BenchServer server = new BenchServer()) {
            String url = server.url(HOST, "/v1/chat/completions");
            List<Double> msOff = new ArrayList<>();
            List<Double> msOn = new ArrayList<>();
            List<Double> kbOff = new ArrayList<>();
            List<Double> kbOn = new ArrayList<>();
            for (int i = 0; i < startupRuns; i++) {
                if (i == 0) {
                    // one unmeasured run each: page cache, and the agent's transform cache
                    run(null, StartupApp.class, url);
                    run(agentArg, StartupApp.class, url);
                }
                Result off = run(null, StartupApp.class, url);
                Result on = run(agentArg, StartupApp.class, url);
                msOff.add(off.millis);
                msOn.add(on.millis);
                kbOff.add(off.value("hwm_kb"));
                kbOn.add(on.value("hwm_kb"));
            }
            if (startupRuns > 0) {
                System.out.printf("startup median: %.0f ms without, %.0f ms with the agent: %.2fx%n",
                        median(msOff), median(msOn), median(msOn) / median(msOff));
                System.out.printf("peak RSS median: %.1f MB without, %.1f MB with: +%.1f MB%n",
                        median(kbOff) / 1024, median(kbOn) / 1024, (median(kbOn) - median(kbOff)) / 1024);
            }
            if (throughputRuns > 0) {
                // SPEC §13's minimal server "answers in about 30 µs": this one, seen from a raw socket
                server.roundTripMicros(CleanPrompt.json(4096), 3); // warm-up
                System.out.printf("server round trip, raw socket client, 4 KB POST: %.1f us%n",
                        server.roundTripMicros(CleanPrompt.json(4096), 5));
            }
            for (String client : throughputRuns > 0 ? new String[] {"okhttp", "jdk"} : new String[0]) {
                List<Samples> seen = new ArrayList<>();
                for (int v = 0; v < variants.size(); v++) {
                    seen.add(new Samples());
                }
                for (int i = 0; i < throughputRuns; i++) {
                    String[] a = {client, url, Integer.toString(seconds), Integer.toString(WARMUP_SECONDS)};
                    for (int v = 0; v < variants.size(); v++) {
                        seen.get(v).add(run(variants.get(v)[1], ThroughputClient.class, a));
                    }
                }
                Samples off = seen.get(0);
                Samples on = seen.get(variants.size() - 1);
                System.out.printf("%s keep-alive 4 KB POST median: %.0f req/s without, %.0f req/s with: %.2fx"
                                + " (client process CPU a request: %.1f us without, %.1f us with;"
                                + " JIT compiling in the measured %d s: %.0f ms without, %.0f ms with)%n",
                        client, median(off.rps), median(on.rps), median(on.rps) / median(off.rps), median(off.cpu),
                        median(on.cpu), seconds, median(off.jit), median(on.jit));
                for (int v = 1; v < variants.size() - 1; v++) {
                    Samples part = seen.get(v);
                    System.out.printf("  %s: %.0f req/s, %.2fx (client process CPU a request: %.1f us)%n",
                            variants.get(v)[0], median(part.rps), median(part.rps) / median(off.rps),
                            median(part.cpu));
                }
            }
        }
    }

    /** What the throughput runs of one variant printed: requests a second, client CPU a request, JIT ms. */
    static final class Samples {
        final List<Double> rps = new ArrayList<>();
        final List<Double> cpu = new ArrayList<>();
        final List<Double> jit = new ArrayList<>();

        void add(Result r) {
            rps.add(r.value("rps"));
            cpu.add(r.value("cpu_us_per_request"));
            jit.add(r.value("jit_ms"));
        }
    }

    static final class Result {
        final double millis;
        final String out;

        Result(double millis, String out) {
            this.millis = millis;
            this.out = out;
        }

        double value(String key) {
            for (String line : out.split("\n")) {
                if (line.startsWith(key + "=")) {
                    return Double.parseDouble(line.substring(key.length() + 1).trim());
                }
            }
            throw new IllegalStateException("no " + key + " in output:\n" + out);
        }
    }

    private static String hostsFile;

    static Result run(String agentArg, Class<?> main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + "/bin/java");
        if (agentArg != null) {
            cmd.add(agentArg);
        }
        cmd.add(hostsFile);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        Collections.addAll(cmd, args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        int status = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (status != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed:\n" + out);
        }
        return new Result(ms, out.toString());
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
