package dev.berth.policy.document;

import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code Principal} of a trust-policy statement (policy.md section 5). */
public sealed interface PrincipalSpec {

    boolean admits(Principal caller);

    /** {@code "Principal": "*"}: every caller but the account itself. */
    record Anyone() implements PrincipalSpec {
        @Override
        public boolean admits(Principal caller) {
            return !(caller instanceof Principal.Account);
        }
    }

    /** {@code "Principal": {"RAM": [...], "Service": [...], "Federated": [...]}}. */
    record Listed(List<RamPrincipal> ram, List<String> services, List<String> federated) implements PrincipalSpec {
        public Listed {
            ram = List.copyOf(ram);
            services = List.copyOf(services);
            federated = List.copyOf(federated);
        }

        @Override
        public boolean admits(Principal caller) {
            return switch (caller) {
                case Principal.Account account -> false;
                case Principal.RamUser user -> ram.stream().anyMatch(entry -> entry.admits(user));
                case Principal.RoleSession session -> ram.stream().anyMatch(entry -> entry.admits(session));
                case Principal.Service service -> services.stream().anyMatch(service.service()::equalsIgnoreCase);
                case Principal.FederatedSession session ->
                        federated.stream().anyMatch(session.provider()::equalsIgnoreCase);
            };
        }
    }

    /** One entry under {@code RAM}. */
    sealed interface RamPrincipal {
        Pattern ARN = Pattern.compile("acs:ram::([0-9]{1,32}):(root|user/([A-Za-z0-9._@-]{1,64})|role/([A-Za-z0-9._@-]{1,64}))");

        boolean admits(Principal caller);

        /** Reads {@code *} or an ARN of policy.md section 5; empty when it is neither. */
        static Optional<RamPrincipal> parse(String text) {
            if (text.equals("*")) {
                return Optional.of(new AnyRamIdentity());
            }
            Matcher matcher = ARN.matcher(text);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            AccountId account = new AccountId(matcher.group(1));
            if (matcher.group(3) != null) {
                return Optional.of(new User(account, matcher.group(3)));
            }
            if (matcher.group(4) != null) {
                return Optional.of(new Role(account, matcher.group(4)));
            }
            return Optional.of(new AccountRoot(account));
        }

        /** {@code "RAM": "*"}: any RAM user or role session of any account (ours). */
        record AnyRamIdentity() implements RamPrincipal {
            @Override
            public boolean admits(Principal caller) {
                return caller instanceof Principal.RamUser || caller instanceof Principal.RoleSession;
            }
        }

        /** {@code acs:ram::<uid>:root}: any RAM user or role session of the account, never the account itself. */
        record AccountRoot(AccountId account) implements RamPrincipal {
            @Override
            public boolean admits(Principal caller) {
                return switch (caller) {
                    case Principal.RamUser user -> user.account().equals(account);
                    case Principal.RoleSession session -> session.account().equals(account);
                    case Principal.Account root -> false;
                    case Principal.Service service -> false;
                    case Principal.FederatedSession federated -> false;
                };
            }
        }

        record User(AccountId account, String name) implements RamPrincipal {
            @Override
            public boolean admits(Principal caller) {
                return caller instanceof Principal.RamUser user
                        && user.account().equals(account) && user.name().equalsIgnoreCase(name);
            }
        }

        /** A session of the role: role chaining. */
        record Role(AccountId account, String name) implements RamPrincipal {
            @Override
            public boolean admits(Principal caller) {
                return caller instanceof Principal.RoleSession session
                        && session.account().equals(account) && session.role().equalsIgnoreCase(name);
            }
        }
    }
}
