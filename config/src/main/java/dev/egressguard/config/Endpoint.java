package dev.egressguard.config;

import java.util.List;
import java.util.Objects;

/** One service of the endpoint registry (SPEC §5.3), built-in or from {@code customEndpoints}. */
public final class Endpoint {
    private final String id;
    private final String name;
    private final EndpointCategory category;
    private final List<String> domains;
    private final List<String> pathPatterns;
    private final RiskLevel riskLevel;
    private final String description;
    private final String dataFlowDirection;

    public Endpoint(String id, String name, EndpointCategory category, List<String> domains,
                    List<String> pathPatterns, RiskLevel riskLevel, String description,
                    String dataFlowDirection) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id : name;
        this.category = Objects.requireNonNull(category, "category");
        this.domains = List.copyOf(domains);
        this.pathPatterns = pathPatterns == null ? List.of() : List.copyOf(pathPatterns);
        this.riskLevel = Objects.requireNonNull(riskLevel, "riskLevel");
        this.description = description == null ? "" : description;
        this.dataFlowDirection = dataFlowDirection == null ? "bidirectional" : dataFlowDirection;
    }

    public String id() { return id; }
    public String name() { return name; }
    public EndpointCategory category() { return category; }
    public List<String> domains() { return domains; }
    public List<String> pathPatterns() { return pathPatterns; }
    public RiskLevel riskLevel() { return riskLevel; }
    public String description() { return description; }
    public String dataFlowDirection() { return dataFlowDirection; }

    /** A public AI tool (SPEC §5.3): not exfil, and not enterprise when enterprise tools are allowed. */
    public boolean isPublicAi(boolean allowEnterprise) {
        if (category == EndpointCategory.EXFIL) {
            return false;
        }
        return !(allowEnterprise && category == EndpointCategory.ENTERPRISE);
    }

    @Override
    public String toString() {
        return "Endpoint[" + id + "]";
    }
}
