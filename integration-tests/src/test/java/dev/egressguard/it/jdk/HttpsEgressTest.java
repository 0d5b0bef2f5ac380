package dev.egressguard.it.jdk;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.egressguard.it.apps.JdkHttpClientApp;
import dev.egressguard.it.apps.UrlConnectionApp;
import dev.egressguard.it.harness.AgentJvm;
import dev.egressguard.it.harness.AppResult;
import dev.egressguard.it.harness.ItPaths;
import dev.egressguard.it.harness.Policies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.egressguard.it.harness.ServerPerClass.assertStatus;
import static dev.egressguard.it.harness.ServerPerClass.assertThrewBlock;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** HTTPS: the https URL connection (a delegate of the http one) and the JDK client over TLS. */
class HttpsEgressTest {
    static final String PASSWORD = "changeit";
    static Path keystore;
    static HttpsServer server;
    static final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        keystore = ItPaths.newWorkDir("tls").resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "it", "-keyalg", "EC", "-dname", "CN=api.openai.com",
                "-ext", "SAN=dns:api.openai.com", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD).inheritIO().start();
        assertEquals(0, keytool.waitFor());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        bodies.clear();
    }

    static AgentJvm app(Class<?> main) {
        return AgentJvm.app(main).systemProperty("javax.net.ssl.trustStore", keystore.toString())
                .systemProperty("javax.net.ssl.trustStorePassword", PASSWORD);
    }

    static String url() {
        return "https://api.openai.com:" + server.getAddress().getPort() + "/v1/chat/completions";
    }

    @Test
    void httpsUrlConnectionIsGuarded() {
        AppResult r = app(UrlConnectionApp.class)
                .args("fixed", "POST", url(), "hello over tls", "POST", url(), "ssn " + Policies.ssn()).run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertEquals(List.of("hello over tls"), bodies);
    }

    @Test
    void jdkClientOverTlsIsGuarded() {
        AppResult r = app(JdkHttpClientApp.class)
                .args("send", "POST", url(), "hello over tls", "POST", url(), "ssn " + Policies.ssn()).run();
        assertStatus(r, 0, 200);
        assertThrewBlock(r, 1);
        assertEquals(List.of("hello over tls"), bodies);
    }
}
