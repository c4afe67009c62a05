package dev.berth.server.registry.auth;

import dev.berth.registry.instance.QualifiedName;
import dev.berth.registry.name.InvalidNameException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Docker token scopes (registry.md section 4): {@code repository:<name>:<actions>} with
 * actions of {@code pull}, {@code push}, {@code delete} and {@code *} separated by commas, and
 * {@code registry:catalog:*}. Scopes arrive in repeated {@code scope} parameters, several to a
 * parameter separated by spaces.
 */
public final class Scopes {
    /** The most scopes one request may ask; a push with mounts asks a few. */
    public static final int MOST = 100;
    private static final int LONGEST_NAME = 255;
    private static final int SHOWN = 300;

    private Scopes() {
    }

    /**
     * The scopes of the {@code scope} parameters, in the order first asked, the actions asked for
     * one resource in several scopes merged; {@link InvalidScopeException} for any bad one.
     */
    public static List<Scope> parseAll(List<String> parameters) {
        Map<ScopeResource, Set<ScopeAction>> merged = new LinkedHashMap<>();
        int count = 0;
        for (String parameter : parameters) {
            for (String text : parameter.split(" ")) {
                if (text.isEmpty()) {
                    continue;
                }
                if (++count > MOST) {
                    throw new InvalidScopeException("a request may ask at most " + MOST + " scopes");
                }
                Scope scope = parse(text);
                merged.computeIfAbsent(scope.resource(), resource -> EnumSet.noneOf(ScopeAction.class)).addAll(scope.actions());
            }
        }
        List<Scope> scopes = new ArrayList<>(merged.size());
        merged.forEach((resource, actions) -> scopes.add(new Scope(resource, actions)));
        return List.copyOf(scopes);
    }

    /** One scope; {@link InvalidScopeException} saying what is wrong. */
    public static Scope parse(String text) {
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        if (first < 0 || first == last) {
            throw new InvalidScopeException("scope `" + shown(text) + "` must be `<type>:<name>:<actions>`");
        }
        String type = text.substring(0, first);
        String name = text.substring(first + 1, last);
        Set<ScopeAction> actions = actions(text, text.substring(last + 1));
        ScopeResource resource = switch (type) {
            case "repository" -> repository(text, name);
            case "registry" -> {
                if (!name.equals("catalog")) {
                    throw new InvalidScopeException("scope `" + shown(text) + "`: the only registry resource is `catalog`");
                }
                yield new ScopeResource.Catalog();
            }
            default -> throw new InvalidScopeException("scope `" + shown(text) + "`: unknown resource type `" + shown(type)
                    + "`; use `repository` or `registry`");
        };
        if (resource instanceof ScopeResource.Repository && actions.remove(ScopeAction.ALL)) {
            actions.addAll(EnumSet.of(ScopeAction.PULL, ScopeAction.PUSH, ScopeAction.DELETE));
        }
        try {
            return new Scope(resource, actions);
        } catch (InvalidScopeException e) {
            throw new InvalidScopeException("scope `" + shown(text) + "`: " + e.getMessage());
        }
    }

    private static Set<ScopeAction> actions(String scope, String list) {
        Set<ScopeAction> actions = EnumSet.noneOf(ScopeAction.class);
        for (String name : list.split(",", -1)) {
            actions.add(ScopeAction.ofWire(name).orElseThrow(() -> new InvalidScopeException("scope `" + shown(scope)
                    + "`: unknown action `" + shown(name) + "`; use `pull`, `push`, `delete` or `*`")));
        }
        return actions;
    }

    private static ScopeResource.Repository repository(String scope, String name) {
        if (name.length() > LONGEST_NAME) {
            throw new InvalidScopeException("scope `" + shown(scope) + "`: repository name is longer than " + LONGEST_NAME
                    + " characters");
        }
        try {
            QualifiedName qualified = QualifiedName.parse(name);
            return new ScopeResource.Repository(qualified.instance(), qualified.name());
        } catch (InvalidNameException e) {
            throw new InvalidScopeException("scope `" + shown(scope) + "`: " + e.getMessage());
        }
    }

    private static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
