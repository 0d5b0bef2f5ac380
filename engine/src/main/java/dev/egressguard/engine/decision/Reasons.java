package dev.egressguard.engine.decision;

import dev.egressguard.config.PatternType;
import dev.egressguard.engine.inspect.Detection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The sentences decisions carry: "SSN detected in request body to OpenAI API (high risk)". */
final class Reasons {
    private Reasons() {
    }

    static String destination(Target t) {
        if (t == null) {
            return "";
        }
        return " to " + t.name() + " (" + t.riskLevel().wireName() + " risk)";
    }

    static String detected(List<Detection> detections, Set<PatternType> types, Target target) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> where = new LinkedHashSet<>();
        for (Detection d : detections) {
            if (types.contains(d.type())) {
                names.add(d.type().name());
                where.add(location(d.location()));
            }
        }
        return String.join(", ", names) + " detected in " + String.join(", ", where) + destination(target);
    }

    static String location(String location) {
        if (location.equals("body")) {
            return "request body";
        }
        if (location.equals("url")) {
            return "URL";
        }
        if (location.startsWith("header:")) {
            return "header " + location.substring(7);
        }
        if (location.startsWith("arg:")) {
            return "command argument " + location.substring(4);
        }
        if (location.startsWith("file:")) {
            return "file " + location.substring(5);
        }
        return location;
    }
}
