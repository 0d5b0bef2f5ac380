package dev.egressguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void defaults() {
        AgentSettings s = AgentSettings.resolve(null, new Properties(), Map.of());
        assertNull(s.policy());
        assertNull(s.mode());
        assertEquals("egress-guard-audit.jsonl", s.audit());
        assertNull(s.auditKey());
        assertEquals("java", s.agentId());
        assertEquals("closed", s.failMode());
        assertEquals("info", s.logLevel());
        assertEquals(8388608L, s.maxBodyBytes());
        assertEquals(104857600L, s.auditMaxBytes());
        assertTrue(s.warnings().isEmpty());
        assertEquals("default", s.sourceOf("policy"));
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertEquals("EGRESSGUARD_POLICY", AgentSettings.environmentName("policy"));
        assertEquals("EGRESSGUARD_AUDIT_KEY", AgentSettings.environmentName("auditKey"));
        assertEquals("EGRESSGUARD_MAX_BODY_BYTES", AgentSettings.environmentName("maxBodyBytes"));
        assertEquals("EGRESSGUARD_AUDIT_MAX_BYTES", AgentSettings.environmentName("auditMaxBytes"));
        assertEquals("EGRESSGUARD_FAIL_MODE", AgentSettings.environmentName("failMode"));
        assertEquals("egressguard.auditKey", AgentSettings.propertyName("auditKey"));
    }

    @Test
    void argsBeatSystemPropertiesBeatEnvironment() {
        Map<String, String> env = Map.of(
                "EGRESSGUARD_POLICY", "/env/policy.yaml",
                "EGRESSGUARD_FAIL_MODE", "open",
                "EGRESSGUARD_MAX_BODY_BYTES", "1000",
                "EGRESSGUARD_AUDIT_KEY", "env-key",
                "EGRESSGUARD_LOG_LEVEL", "debug");
        Properties sys = props("egressguard.policy", "/sys/policy.yaml", "egressguard.maxBodyBytes", "2000",
                "egressguard.auditKey", "sys-key");
        AgentSettings s = AgentSettings.resolve("policy=/args/policy.yaml, maxBodyBytes=3000", sys, env);
        assertEquals("/args/policy.yaml", s.policy());
        assertEquals("agent-args", s.sourceOf("policy"));
        assertEquals(3000L, s.maxBodyBytes());
        assertEquals("sys-key", s.auditKey());
        assertEquals("system-property", s.sourceOf("auditKey"));
        assertEquals("open", s.failMode());
        assertEquals("environment", s.sourceOf("failMode"));
        assertEquals("debug", s.logLevel());
        assertEquals(104857600L, s.auditMaxBytes());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());

        AgentSettings noArgs = AgentSettings.resolve("", sys, env);
        assertEquals("/sys/policy.yaml", noArgs.policy());
        assertEquals(2000L, noArgs.maxBodyBytes());
        AgentSettings envOnly = AgentSettings.resolve(null, new Properties(), env);
        assertEquals("/env/policy.yaml", envOnly.policy());
        assertEquals("env-key", envOnly.auditKey());
        assertEquals(1000L, envOnly.maxBodyBytes());
    }

    @Test
    void agentArgsToleratesSpacesEmptyItemsAndEqualsInValues() {
        AgentSettings s = AgentSettings.resolve(" ,policy = https://cfg.example/p.yaml?v=2&x=y ,, mode=MONITOR,",
                new Properties(), Map.of());
        assertEquals("https://cfg.example/p.yaml?v=2&x=y", s.policy());
        assertEquals("monitor", s.mode());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
    }

    @Test
    void emptyValueFallsThroughToTheNextSource() {
        AgentSettings s = AgentSettings.resolve("policy=", props("egressguard.policy", "/sys.yaml"), Map.of());
        assertEquals("/sys.yaml", s.policy());
    }

    @Test
    void unknownKeysAndBadValuesWarnAndUseDefaults() {
        AgentSettings s = AgentSettings.resolve("polcy=/p.yaml,mode=foo,failMode=x,maxBodyBytes=lots,verbose,auditMaxBytes=-5",
                new Properties(), Map.of());
        assertNull(s.policy());
        assertNull(s.mode());
        assertEquals("closed", s.failMode());
        assertEquals(8388608L, s.maxBodyBytes());
        assertEquals(104857600L, s.auditMaxBytes());
        assertEquals(6, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("did you mean 'policy'?"), s.warnings().get(0));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("'verbose'") && w.contains("key=value")));
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("agent argument failMode 'x'")));
        assertEquals("default", s.sourceOf("failMode"));
    }

    @Test
    void badEnvironmentValueWarnsWithTheVariableName() {
        AgentSettings s = AgentSettings.resolve(null, new Properties(), Map.of("EGRESSGUARD_FAIL_MODE", "sideways"));
        assertEquals("closed", s.failMode());
        assertTrue(s.warnings().get(0).contains("EGRESSGUARD_FAIL_MODE"), s.warnings().get(0));
    }

    @Test
    void sizesAcceptUnitSuffixes() {
        AgentSettings s = AgentSettings.resolve("maxBodyBytes=512k,auditMaxBytes=2MB", new Properties(), Map.of());
        assertEquals(512L * 1024, s.maxBodyBytes());
        assertEquals(2L * 1024 * 1024, s.auditMaxBytes());
    }

    @Test
    void auditOffIsNormalised() {
        assertEquals("off", AgentSettings.resolve("audit=OFF", new Properties(), Map.of()).audit());
        assertEquals("/var/log/eg.jsonl", AgentSettings.resolve("audit=/var/log/eg.jsonl", new Properties(), Map.of()).audit());
    }

    @Test
    void agentIdComesFromOtelThenTheMainClassOrJar() {
        assertEquals("svc-a", AgentSettings.resolve(null, props("otel.service.name", "svc-a",
                "sun.java.command", "com.acme.Main"), Map.of("OTEL_SERVICE_NAME", "svc-b")).agentId());
        assertEquals("svc-b", AgentSettings.resolve(null, props("sun.java.command", "com.acme.Main"),
                Map.of("OTEL_SERVICE_NAME", "svc-b")).agentId());
        assertEquals("orders", AgentSettings.resolve(null, props("sun.java.command", "/opt/app/orders.jar --port 8080"),
                Map.of()).agentId());
        assertEquals("RefundWorker", AgentSettings.resolve(null, props("sun.java.command", "com.acme.refund.RefundWorker a b"),
                Map.of()).agentId());
        assertEquals("Main", AgentSettings.resolve(null, props("sun.java.command", "app.module/com.acme.Main"),
                Map.of()).agentId());
        assertEquals("explicit", AgentSettings.resolve("agentId=explicit", props("otel.service.name", "svc-a"),
                Map.of()).agentId());
    }

    @Test
    void toMapNeverCarriesTheAuditKey() {
        String key = "k3y-" + "s3cr3t-value";
        AgentSettings s = AgentSettings.resolve("auditKey=" + key + ",policy=/p.yaml", new Properties(), Map.of());
        assertEquals(key, s.auditKey());
        Map<String, Object> m = s.toMap();
        assertEquals(Boolean.TRUE, m.get("auditKeyed"));
        assertEquals("/p.yaml", m.get("policy"));
        assertFalse(m.toString().contains(key));
        assertFalse(s.toString().contains(key));
        assertEquals("built-in", AgentSettings.resolve(null, new Properties(), Map.of()).toMap().get("policy"));
    }
}
