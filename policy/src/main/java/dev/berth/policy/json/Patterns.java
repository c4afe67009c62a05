package dev.berth.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.policy.document.PatternList;
import dev.berth.policy.match.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code Action}/{@code NotAction} and {@code Resource}/{@code NotResource} (policy.md section 1). */
final class Patterns {
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9_.*?-]+");
    private static final Pattern ARN = Pattern.compile("acs:([a-z0-9-]+|\\*):[A-Za-z0-9_.*?-]*:[A-Za-z0-9_.*?-]*:[^\\p{Cntrl}]+");

    private Patterns() {
    }

    static Optional<PatternList> readActions(JsonNode statement, String where, Problems problems) {
        return readPair(statement, "Action", "NotAction", where, problems, true);
    }

    static Optional<PatternList> readResources(JsonNode statement, String where, Problems problems) {
        return readPair(statement, "Resource", "NotResource", where, problems, false);
    }

    private static Optional<PatternList> readPair(JsonNode statement, String key, String notKey, String where,
                                                  Problems problems, boolean actions) {
        JsonNode positive = statement.get(key);
        JsonNode negative = statement.get(notKey);
        if (positive != null && negative != null) {
            problems.add(where, "`" + key + "` and `" + notKey + "` cannot both be given");
            return Optional.empty();
        }
        if (positive == null && negative == null) {
            problems.add(where, "`" + key + "` or `" + notKey + "` is required");
            return Optional.empty();
        }
        String used = positive != null ? key : notKey;
        List<String> values = readStrings(positive != null ? positive : negative, where, used, problems);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Wildcard> patterns = new ArrayList<>();
        boolean valid = true;
        for (String value : values) {
            if (actions ? !isAction(value) : !isResource(value)) {
                problems.add(where, "`" + used + "` " + Problems.quote(value) + " is not "
                        + (actions ? "`*` or `service:action`" : "`*` or an ARN `acs:<service>:<region>:<account>:<resource>`"));
                valid = false;
            } else {
                patterns.add(Wildcard.compile(actions ? value.toLowerCase(Locale.ROOT) : value));
            }
        }
        return valid ? Optional.of(new PatternList(negative != null, patterns)) : Optional.empty();
    }

    /** A string or a non-empty array of strings; reports and returns nothing otherwise. */
    static List<String> readStrings(JsonNode node, String where, String key, Problems problems) {
        if (node.isTextual()) {
            return List.of(node.textValue());
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(where, "`" + key + "` must be a string or a non-empty array of strings, got "
                    + JsonText.describe(node));
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                problems.add(where, "`" + key + "` element " + i + " must be a string, got " + JsonText.describe(element));
                return List.of();
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static boolean isAction(String value) {
        return value.equals("*") || ACTION.matcher(value).matches();
    }

    private static boolean isResource(String value) {
        return value.equals("*") || ARN.matcher(value).matches();
    }
}
