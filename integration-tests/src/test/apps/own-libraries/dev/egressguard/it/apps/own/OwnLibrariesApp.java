package dev.egressguard.it.apps.own;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egressguard.it.apps.AppOutput;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application with its own (old) Jackson and Byte Buddy: prints which versions it got, uses both, checks
 * that none of the agent's internals are visible to it, then sends {@code args[1]} as JSON to {@code args[0]}.
 */
public final class OwnLibrariesApp {
    public static void main(String[] args) throws Exception {
        System.out.println("JACKSON " + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        System.out.println("BYTEBUDDY_JAR " + jarName(ByteBuddy.class));
        Object greeter = new ByteBuddy().subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the app's Byte Buddy"))
                .make().load(OwnLibrariesApp.class.getClassLoader()).getLoaded().getDeclaredConstructor().newInstance();
        System.out.println("GENERATED " + greeter);
        for (String name : new String[] {"dev.egressguard.api.EgressBlockedException",
                "dev.egressguard.shaded.jackson.databind.ObjectMapper", "dev.egressguard.shaded.bytebuddy.ByteBuddy",
                "dev.egressguard.engine.decision.DecisionEngine", "dev.egressguard.agent.AgentInstaller",
                "dev.egressguard.instrumentation.Instrumentations"}) {
            System.out.println("VISIBLE " + name + " " + visible(name));
        }
        System.out.println("RESOURCE endpoints.yaml "
                + (OwnLibrariesApp.class.getClassLoader().getResource("dev/egressguard/config/endpoints.yaml") != null));

        Map<String, Object> message = new LinkedHashMap<>();
        message.put("model", "gpt-4o");
        message.put("input", args[1]);
        String json = new ObjectMapper().writeValueAsString(message);
        System.out.println("JSON_LENGTH " + json.length());
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(args[0])).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            AppOutput.status(response.statusCode());
        } catch (Exception e) {
            AppOutput.error(e);
        }
    }

    private static boolean visible(String name) {
        try {
            Class.forName(name, false, OwnLibrariesApp.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String jarName(Class<?> type) {
        String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
