package dev.egressguard.it.isolation;

import com.sun.tools.attach.VirtualMachine;
import dev.egressguard.it.apps.LateAttachApp;
import dev.egressguard.it.harness.ItPaths;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.ServerPerClass;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** agentmain: attached to a running JVM, the agent rewrites the JDK classes already loaded (retransformation). */
class LateAttachTest extends ServerPerClass {

    @Test
    void attachedAgentGuardsClassesLoadedBeforeIt() throws Exception {
        Path dir = ItPaths.newWorkDir("attach");
        Path go = dir.resolve("go");
        Path hosts = dev.egressguard.it.harness.HostsFile.write(dir);
        String url = server.url("api.openai.com", "/v1/chat/completions");
        Process app = new ProcessBuilder(ItPaths.java().toString(), "-Djdk.net.hosts.file=" + hosts,
                "-cp", ItPaths.testClasses().toString(), LateAttachApp.class.getName(), url,
                "ssn " + Policies.ssn(), go.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                lines.add(line);
            }
            assertEquals(1, server.requests().size(), "before the agent, the request went out: " + lines);
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(app.pid()));
            try {
                vm.loadAgent(ItPaths.agentJar().toString(), "");
            } finally {
                vm.detach();
            }
            Files.createFile(go);
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        }
        assertTrue(app.waitFor(30, TimeUnit.SECONDS));
        String after = lines.stream().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b).orElse("");
        assertTrue(after.contains("blocked=true"), () -> String.join("\n", lines));
        assertEquals(1, server.requests().size(), "the second request never left");
    }
}
