package dev.egressguard.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AgentClassLoaderTest {
    /** A class for the loader to define from a jar: any class of this module with no egress-guard dependency. */
    public static final class Payload {
        @Override
        public String toString() {
            return "payload";
        }
    }

    static Path agentLikeJar(Path dir) throws Exception {
        Path jar = dir.resolve("agent.jar");
        String classPath = Payload.class.getName().replace('.', '/');
        byte[] bytes;
        try (InputStream in = Payload.class.getResourceAsStream("/" + classPath + ".class")) {
            bytes = in.readAllBytes();
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("inst/" + classPath + ".classdata"));
            out.write(bytes);
            out.putNextEntry(new JarEntry("inst/dev/egressguard/config/sample.yaml"));
            out.write("key: value\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void definesClassesFromClassdataAndNothingElseCanSeeThem(@TempDir Path dir) throws Exception {
        Path jar = agentLikeJar(dir);
        AgentClassLoader loader = new AgentClassLoader(jar.toFile(), false);
        Class<?> payload = loader.loadClass(Payload.class.getName());
        assertSame(loader, payload.getClassLoader());
        assertEquals("payload", payload.getDeclaredConstructor().newInstance().toString());

        // an ordinary loader over the same jar (what the application's class path is) finds neither
        try (URLClassLoader plain = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThrows(ClassNotFoundException.class, () -> plain.loadClass(Payload.class.getName()));
            assertNull(plain.getResource("dev/egressguard/config/sample.yaml"));
        }
    }

    @Test
    void servesResourcesAndClassFilesUnderTheirOrdinaryNames(@TempDir Path dir) throws Exception {
        AgentClassLoader loader = new AgentClassLoader(agentLikeJar(dir).toFile(), false);
        URL yaml = loader.getResource("dev/egressguard/config/sample.yaml");
        assertNotNull(yaml);
        try (InputStream in = yaml.openStream()) {
            assertEquals("key: value\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(1, Collections.list(loader.getResources("dev/egressguard/config/sample.yaml")).size());
        // Byte Buddy reads advice classes as resources
        String classFile = Payload.class.getName().replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(classFile)) {
            assertNotNull(in);
            assertEquals(0xCAFEBABE, java.nio.ByteBuffer.wrap(in.readNBytes(4)).getInt());
        }
        assertNull(loader.getResource("dev/egressguard/config/missing.yaml"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("dev.egressguard.api.EgressHandler"));
    }
}
