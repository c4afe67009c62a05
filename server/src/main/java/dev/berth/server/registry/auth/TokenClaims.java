package dev.berth.server.registry.auth;

import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of Berth's tokens beyond the registered ones, written and read in this class alone.
 *
 * <ul>
 *   <li>{@code access} (access tokens, Docker token specification): a list of
 *       {@code {"type": "repository", "name": "juzhong/app", "actions": ["pull", "push"]}}.</li>
 *   <li>{@code principal}: {@code {"type": "Anonymous"}}, {@code {"type": "Account", "account": uid}},
 *       {@code {"type": "RamUser", "account": uid, "user": name}} or
 *       {@code {"type": "RoleSession", "account": uid, "role": name, "session": name}}; {@code sub}
 *       is its ARN (absent for anonymous).</li>
 *   <li>{@code credential} (not for anonymous): {@code {"kind": "RegistryPassword" | "TemporaryToken",
 *       "principalId": ..., "proof": ...}}, see {@link Credential}.</li>
 * </ul>
 */
final class TokenClaims {
    static final String ACCESS = "access";
    static final String PRINCIPAL = "principal";
    static final String CREDENTIAL = "credential";

    private TokenClaims() {
    }

    static Map<String, Object> principal(Optional<Principal> principal) {
        Map<String, Object> claim = new LinkedHashMap<>();
        if (principal.isEmpty()) {
            claim.put("type", "Anonymous");
            return claim;
        }
        switch (principal.get()) {
            case Principal.Account account -> {
                claim.put("type", "Account");
                claim.put("account", account.account().value());
            }
            case Principal.RamUser user -> {
                claim.put("type", "RamUser");
                claim.put("account", user.account().value());
                claim.put("user", user.name());
            }
            case Principal.RoleSession session -> {
                claim.put("type", "RoleSession");
                claim.put("account", session.account().value());
                claim.put("role", session.role());
                claim.put("session", session.session());
            }
            case Principal.Service service -> throw new IllegalArgumentException("a service has no registry token");
            case Principal.FederatedSession federated -> throw new IllegalArgumentException("a federated session has no registry token");
        }
        return claim;
    }

    /** The principal of a {@code principal} claim; empty for anonymous. */
    static Optional<Principal> principal(Map<String, Object> claim) {
        String type = text(claim, "type", PRINCIPAL);
        try {
            return switch (type) {
                case "Anonymous" -> Optional.empty();
                case "Account" -> Optional.of(new Principal.Account(account(claim)));
                case "RamUser" -> Optional.of(new Principal.RamUser(account(claim), text(claim, "user", PRINCIPAL)));
                case "RoleSession" -> Optional.of(new Principal.RoleSession(account(claim), text(claim, "role", PRINCIPAL),
                        text(claim, "session", PRINCIPAL)));
                default -> throw invalid("unknown principal type `" + type + "`");
            };
        } catch (IllegalArgumentException e) {
            throw invalid("claim `principal` is malformed");
        }
    }

    static Map<String, Object> credential(Credential credential) {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("kind", switch (credential.kind()) {
            case REGISTRY_PASSWORD -> "RegistryPassword";
            case TEMPORARY_TOKEN -> "TemporaryToken";
        });
        claim.put("principalId", credential.principalId());
        claim.put("proof", credential.proof());
        return claim;
    }

    static Credential credential(Map<String, Object> claim) {
        String kind = text(claim, "kind", CREDENTIAL);
        CredentialKind parsed = switch (kind) {
            case "RegistryPassword" -> CredentialKind.REGISTRY_PASSWORD;
            case "TemporaryToken" -> CredentialKind.TEMPORARY_TOKEN;
            default -> throw invalid("unknown credential kind `" + kind + "`");
        };
        try {
            return new Credential(parsed, text(claim, "principalId", CREDENTIAL), text(claim, "proof", CREDENTIAL));
        } catch (IllegalArgumentException e) {
            throw invalid("claim `credential` is malformed");
        }
    }

    static List<Map<String, Object>> access(List<Scope> scopes) {
        List<Map<String, Object>> claim = new ArrayList<>(scopes.size());
        for (Scope scope : scopes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", scope.resource().type());
            entry.put("name", scope.resource().name());
            entry.put("actions", scope.actions().stream().map(ScopeAction::wire).toList());
            claim.add(entry);
        }
        return claim;
    }

    static List<Scope> access(Object claim) {
        if (!(claim instanceof List<?> entries)) {
            throw invalid("claim `access` is not a list");
        }
        List<Scope> scopes = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields) || !(fields.get("type") instanceof String type)
                    || !(fields.get("name") instanceof String name) || !(fields.get("actions") instanceof List<?> actions)
                    || !actions.stream().allMatch(String.class::isInstance)) {
                throw invalid("claim `access` is malformed");
            }
            try {
                scopes.add(Scopes.parse(type + ":" + name + ":" + String.join(",", actions.stream().map(String.class::cast).toList())));
            } catch (InvalidScopeException e) {
                throw invalid("claim `access` is malformed: " + e.getMessage());
            }
        }
        return List.copyOf(scopes);
    }

    private static AccountId account(Map<String, Object> claim) {
        return new AccountId(text(claim, "account", PRINCIPAL));
    }

    private static String text(Map<String, Object> claim, String field, String name) {
        if (!(claim.get(field) instanceof String value)) {
            throw invalid("claim `" + name + "` has no `" + field + "`");
        }
        return value;
    }

    private static SignInRefusedException invalid(String message) {
        return new SignInRefusedException(SignInRefusedException.Reason.INVALID_TOKEN, message);
    }
}
