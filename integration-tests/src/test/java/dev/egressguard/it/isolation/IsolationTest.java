package dev.egressguard.it.isolation;

import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppCompiler;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.ItPaths;
import dev.egressguard.it.harness.Policies;
import dev.egressguard.it.harness.ServerPerClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SPEC §3: one self-contained jar whose insides the application never sees. */
class IsolationTest extends ServerPerClass {

    @Test
    void onlyTheApiAndTheLauncherAreClassesTheApplicationCouldLoad() throws Exception {
        List<String> visible = new ArrayList<>();
        int isolated = 0;
        try (JarFile jar = new JarFile(ItPaths.agentJar().toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith("inst/")) {
                    isolated += name.endsWith(".classdata") ? 1 : 0;
                } else if (name.endsWith(".class")) {
                    visible.add(name);
                }
            }
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("dev.egressguard.agent.EgressGuardAgent", manifest.getValue("Premain-Class"));
            assertEquals("dev.egressguard.agent.EgressGuardAgent", manifest.getValue("Agent-Class"));
            assertEquals("dev.egressguard.agent.EgressGuardAgent", manifest.getValue("Main-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
            assertEquals("true", manifest.getValue("Can-Redefine-Classes"));
            assertTrue(jar.getEntry("inst/dev/egressguard/config/endpoints.yaml") != null, "resources isolated too");
        }
        for (String name : visible) {
            assertTrue(name.startsWith("dev/egressguard/api/")
                            || name.equals("dev/egressguard/agent/EgressGuardAgent.class")
                            || name.equals("dev/egressguard/agent/AgentClassLoader.class"),
                    () -> "visible to the application's class loader: " + name);
        }
        assertTrue(isolated > 1000, "Byte Buddy, Jackson, SnakeYAML and the engine live under inst/");
    }

    @Test
    void anApplicationWithItsOwnOldJacksonAndByteBuddyRunsUnchanged() {
        List<java.nio.file.Path> cp = AppCompiler.classpath("own-libraries", "own-libraries");
        String url = server.url("api.openai.com", "/v1/responses");
        AppResult without = AgentJvm.app("dev.egressguard.it.apps.own.OwnLibrariesApp").classpath(cp).withoutAgent()
                .args(url, "hello").run();
        AppResult with = AgentJvm.app("dev.egressguard.it.apps.own.OwnLibrariesApp").classpath(cp)
                .args(url, "hello").run();
        for (AppResult r : List.of(without, with)) {
            assertTrue(r.stdout().contains("JACKSON 2.9.10"), r::toString);
            assertTrue(r.stdout().contains("BYTEBUDDY_JAR byte-buddy-1.12.19.jar"), r::toString);
            assertTrue(r.stdout().contains("GENERATED made by the app's Byte Buddy"), r::toString);
            assertStatus(r, 0, 200);
        }
        assertTrue(with.stdout().contains("VISIBLE dev.egressguard.api.EgressBlockedException true"), with::toString);
        for (String hidden : List.of("dev.egressguard.shaded.jackson.databind.ObjectMapper",
                "dev.egressguard.shaded.bytebuddy.ByteBuddy", "dev.egressguard.engine.decision.DecisionEngine",
                "dev.egressguard.agent.AgentInstaller", "dev.egressguard.instrumentation.Instrumentations")) {
            assertTrue(with.stdout().contains("VISIBLE " + hidden + " false"), with::toString);
        }
        assertTrue(with.stdout().contains("RESOURCE endpoints.yaml false"), with::toString);
        // the API is defined in the bootstrap loader, not appended: class-data sharing stays on, no JVM warning
        assertFalse(with.stderr().contains("bootstrap classpath has been appended"), with::toString);
        assertEquals(without.stdout().replaceAll("VISIBLE dev.egressguard.api.\\S+ \\w+", ""),
                with.stdout().replaceAll("VISIBLE dev.egressguard.api.\\S+ \\w+", ""),
                "the application behaves the same with the agent");
        assertEquals(2, server.requests().size());
    }

    @Test
    void theAgentStillGuardsAnApplicationWithItsOwnLibraries() {
        List<java.nio.file.Path> cp = AppCompiler.classpath("own-libraries", "own-libraries");
        AppResult r = AgentJvm.app("dev.egressguard.it.apps.own.OwnLibrariesApp").classpath(cp)
                .args(server.url("api.openai.com", "/v1/responses"), "ssn " + Policies.ssn()).run();
        assertThrewBlock(r, 0);
        assertNothingReceived();
    }

    @Test
    void theCliRunsFromTheSameJarThroughTheIsolatedLoader() {
        var policy = Policies.write("valid", "name: cli-check\nblockedTools: [pastebin]\n");
        AppResult r = AgentJvm.app("dev.egressguard.agent.EgressGuardAgent").withoutAgent()
                .classpath(List.of(ItPaths.agentJar())).args("policy", "validate", policy.toString()).run();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().startsWith("ok: cli-check"), r::toString);
    }
}
