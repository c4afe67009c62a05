package dev.berth.policy.evaluation;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Random documents and requests over a small vocabulary, so that statements often collide. */
final class PolicyGenerator {
    static final AccountId ACCOUNT = new AccountId("1234567890123456");
    static final List<String> GROUPS = List.of("rg-a", "rg-b");
    private static final List<String> ACTIONS = List.of("cr:PullRepository", "cr:PushRepository", "cr:GetRepository",
            "cr:ListRepository", "cr:DeleteRepository", "ram:GetUser");
    private static final List<String> ACTION_PATTERNS = List.of("cr:*", "cr:Get*", "cr:List*", "cr:PullRepository",
            "cr:pushrepository", "*", "cr:?ullRepository", "ram:*", "cr:Delete*");
    private static final List<String> NAMESPACES = List.of("juzhong", "team", "juzhong2");
    private static final List<String> RESOURCE_PATTERNS = List.of("*", "acs:cr:*:*:repository/juzhong/*",
            "acs:cr:*:*:repository/team/*", "acs:cr:cn-hangzhou:*:repository/juzhong/nginx", "acs:cr:*:*:repository/*/redis",
            "acs:cr:*:*:repository/juzhong", "acs:ram::*:user/*", "acs:cr:*:*:repository/juzhong?/*");
    private static final List<String> CONDITIONS = List.of(
            "\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\"]}",
            "\"NotIpAddress\":{\"acs:SourceIp\":\"192.168.0.0/16\"}",
            "\"StringLike\":{\"acs:UserAgent\":\"skopeo*\"}",
            "\"DateLessThan\":{\"acs:CurrentTime\":\"2026-12-01T00:00:00Z\"}",
            "\"Bool\":{\"acs:SecureTransport\":true}");

    private final Random random;
    private final Map<PolicyDocument, List<String>> texts = new IdentityHashMap<>();
    private int sids;

    PolicyGenerator(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** Statement texts, each with a unique Sid so that they can be told apart after shuffling. */
    List<String> statements(int count, Optional<String> effect) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statements.add(statement(effect.orElse(random.nextInt(4) == 0 ? "Deny" : "Allow")));
        }
        return statements;
    }

    String statement(String effect) {
        String actionKey = random.nextInt(6) == 0 ? "NotAction" : "Action";
        String resourceKey = random.nextInt(8) == 0 ? "NotResource" : "Resource";
        StringBuilder text = new StringBuilder("{\"Sid\":\"s" + (sids++) + "\",\"Effect\":\"" + effect + "\",\"")
                .append(actionKey).append("\":").append(list(ACTION_PATTERNS, 1 + random.nextInt(2)))
                .append(",\"").append(resourceKey).append("\":").append(list(RESOURCE_PATTERNS, 1 + random.nextInt(2)));
        if (random.nextInt(3) == 0) {
            text.append(",\"Condition\":{").append(CONDITIONS.get(random.nextInt(CONDITIONS.size()))).append('}');
        }
        return text.append('}').toString();
    }

    static PolicyDocument document(List<String> statements, DocumentKind kind) {
        try {
            return PolicyEngine.parse("{\"Version\":\"1\",\"Statement\":[" + String.join(",", statements) + "]}", kind);
        } catch (MalformedPolicyDocumentException e) {
            throw new AssertionError("generated document is valid", e);
        }
    }

    /** The statement texts a generated document was made of. */
    List<String> texts(PolicyDocument document) {
        return new ArrayList<>(texts.get(document));
    }

    Scope scope() {
        return random.nextInt(3) == 0 ? new Scope.ResourceGroup(new ResourceGroupId(GROUPS.get(random.nextInt(2)))) : Scope.ACCOUNT;
    }

    List<AttachedPolicy> policies(int count, Optional<String> effect) {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> statements = statements(1 + random.nextInt(4), effect);
            PolicyDocument document = document(statements, DocumentKind.IDENTITY);
            texts.put(document, statements);
            policies.add(new AttachedPolicy("p" + (sids++), "v1", scope(), document));
        }
        return policies;
    }

    Request request(Principal principal) {
        String namespace = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
        String resource = random.nextInt(8) == 0
                ? "acs:ram::" + ACCOUNT + ":user/alice"
                : "acs:cr:cn-" + (random.nextBoolean() ? "hangzhou" : "beijing") + ":" + ACCOUNT + ":repository/" + namespace
                + (random.nextInt(4) == 0 ? "" : "/" + (random.nextBoolean() ? "nginx" : "redis"));
        RequestContext.Builder context = RequestContext.builder();
        if (random.nextBoolean()) {
            context.put("acs:SourceIp", random.nextBoolean() ? "10.1.2.3" : "192.168.3.4");
        }
        if (random.nextBoolean()) {
            context.put("acs:UserAgent", random.nextBoolean() ? "skopeo/1.9" : "curl/8");
        }
        if (random.nextBoolean()) {
            context.put("acs:CurrentTime", random.nextBoolean() ? "2026-11-23T10:00:00Z" : "2027-01-01T00:00:00Z");
        }
        if (random.nextBoolean()) {
            context.put("acs:SecureTransport", String.valueOf(random.nextBoolean()));
        }
        Optional<ResourceGroupId> group = random.nextInt(3) == 0
                ? Optional.empty() : Optional.of(new ResourceGroupId(GROUPS.get(random.nextInt(2))));
        return new Request(principal, ActionName.of(ACTIONS.get(random.nextInt(ACTIONS.size()))), ResourceArn.of(resource),
                group, context.build());
    }

    private String list(List<String> vocabulary, int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add('"' + vocabulary.get(random.nextInt(vocabulary.size())) + '"');
        }
        return count == 1 && random.nextBoolean() ? items.getFirst() : "[" + String.join(",", items) + "]";
    }
}
