package dev.berth.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.policy.document.PrincipalSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code Principal} of a trust-policy statement (policy.md section 5). */
final class Principals {
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern PROVIDER =
            Pattern.compile("acs:ram::[0-9]{1,32}:(saml-provider|oidc-provider)/[A-Za-z0-9._-]{1,128}");

    private Principals() {
    }

    static Optional<PrincipalSpec> read(JsonNode node, String where, Problems problems) {
        if (node == null) {
            problems.add(where, "`Principal` is required in a trust policy");
            return Optional.empty();
        }
        if (node.isTextual()) {
            if (node.textValue().equals("*")) {
                return Optional.of(new PrincipalSpec.Anyone());
            }
            problems.add(where, "`Principal` must be \"*\" or an object, got " + JsonText.show(node));
            return Optional.empty();
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add(where, "`Principal` must be \"*\" or an object with `RAM`, `Service` or `Federated`, got "
                    + JsonText.describe(node));
            return Optional.empty();
        }
        int before = problems.count();
        List<PrincipalSpec.RamPrincipal> ram = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<String> federated = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            switch (key) {
                case "RAM" -> {
                    for (String value : Patterns.readStrings(field.getValue(), where, "Principal.RAM", problems)) {
                        PrincipalSpec.RamPrincipal.parse(value).ifPresentOrElse(ram::add, () -> problems.add(where,
                                "`Principal.RAM` " + Problems.quote(value)
                                        + " is not `acs:ram::<uid>:root`, `...:user/<name>`, `...:role/<name>` or `*`"));
                    }
                }
                case "Service" -> {
                    for (String value : Patterns.readStrings(field.getValue(), where, "Principal.Service", problems)) {
                        if (SERVICE.matcher(value).matches()) {
                            services.add(value);
                        } else {
                            problems.add(where, "`Principal.Service` " + Problems.quote(value) + " is not a service name");
                        }
                    }
                }
                case "Federated" -> {
                    for (String value : Patterns.readStrings(field.getValue(), where, "Principal.Federated", problems)) {
                        if (PROVIDER.matcher(value).matches()) {
                            federated.add(value);
                        } else {
                            problems.add(where, "`Principal.Federated` " + Problems.quote(value)
                                    + " is not `acs:ram::<uid>:saml-provider/<name>` or `...:oidc-provider/<name>`");
                        }
                    }
                }
                default -> problems.add(where, "unknown principal type " + Problems.quote(key)
                        + ": use `RAM`, `Service` or `Federated`");
            }
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new PrincipalSpec.Listed(ram, services, federated));
    }
}
