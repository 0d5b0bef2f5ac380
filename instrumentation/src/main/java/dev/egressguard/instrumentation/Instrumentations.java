package dev.egressguard.instrumentation;

import dev.egressguard.instrumentation.apache4.Apache4Instrumentation;
import dev.egressguard.instrumentation.apache5.Apache5Instrumentation;
import dev.egressguard.instrumentation.jdkhttpclient.JdkHttpClientInstrumentation;
import dev.egressguard.instrumentation.okhttp.OkHttpInstrumentation;
import dev.egressguard.instrumentation.process.ProcessInstrumentation;
import dev.egressguard.instrumentation.urlconnection.UrlConnectionInstrumentation;

import java.util.List;

/** Every egress path the agent installs, one line each (SPEC §6). */
public final class Instrumentations {
    private Instrumentations() {
    }

    public static List<EgressInstrumentation> all() {
        return List.of(
                new JdkHttpClientInstrumentation(),
                new UrlConnectionInstrumentation(),
                new ProcessInstrumentation(),
                new OkHttpInstrumentation(),
                new Apache4Instrumentation(),
                new Apache5Instrumentation()
        );
    }
}
