package dev.berth.iam.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The built-in policies with their exact documents (iam-api.md section 6). */
public final class SystemPolicies {
    /** Marked high-risk in answers (ours: field {@code HighRisk}). */
    public static final Set<String> HIGH_RISK = Set.of("AdministratorAccess", "AliyunRAMFullAccess");

    private static final Map<String, SystemPolicy> POLICIES = new LinkedHashMap<>();

    static {
        add("AdministratorAccess", "Full access to every resource of the account", List.of("*"));
        add("AliyunRAMFullAccess", "Full access to RAM", List.of("ram:*"));
        add("AliyunRAMReadOnlyAccess", "Read-only access to RAM", List.of("ram:Get*", "ram:List*"));
        add("AliyunSTSAssumeRoleAccess", "Permission to assume roles through STS", List.of("sts:AssumeRole"));
        add("AliyunContainerRegistryFullAccess", "Full access to Container Registry", List.of("cr:*"));
        add("AliyunContainerRegistryReadOnlyAccess", "Read-only access to Container Registry",
                List.of("cr:Get*", "cr:List*", "cr:PullRepository"));
        add("AliyunYundunCertReadOnlyAccess", "Read-only access to certificates",
                List.of("yundun-cert:Describe*", "yundun-cert:List*", "yundun-cert:Get*"));
        add("AliyunContainerRegistryCustomizedDomainRolePolicy", "The registry reads custom domain certificates",
                List.of("yundun-cert:DescribeUserCertificateDetail", "yundun-cert:DescribeUserCertificateList"));
    }

    private SystemPolicies() {
    }

    /** A system policy: version {@code v1}, its document. */
    public record SystemPolicy(String name, String description, String document) {
        public boolean highRisk() {
            return HIGH_RISK.contains(name);
        }
    }

    /** System policy names compare case-insensitively, like custom ones. */
    public static Optional<SystemPolicy> named(String name) {
        return POLICIES.values().stream().filter(policy -> policy.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static List<SystemPolicy> all() {
        return List.copyOf(POLICIES.values());
    }

    private static void add(String name, String description, List<String> actions) {
        String action = actions.size() == 1 ? "\"" + actions.getFirst() + "\""
                : "[" + String.join(", ", actions.stream().map(a -> "\"" + a + "\"").toList()) + "]";
        POLICIES.put(name, new SystemPolicy(name, description,
                "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": " + action + ", \"Resource\": \"*\"}]}"));
    }
}
