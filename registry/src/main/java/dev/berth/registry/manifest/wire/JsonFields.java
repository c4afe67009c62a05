package dev.berth.registry.manifest.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.content.InvalidDigestException;
import dev.berth.registry.manifest.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of one manifest's JSON fields; each failure is {@code MANIFEST_INVALID} naming the field's path. */
final class JsonFields {
    private JsonFields() {
    }

    static RegistryException invalid(String path, String what) {
        return new RegistryException(Problem.MANIFEST_INVALID, "manifest `" + path + "` " + what);
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static Optional<String> optionalText(JsonNode object, String parent, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(path(parent, field), "must be a string, got " + shown(node));
        }
        return Optional.of(node.textValue());
    }

    static String requiredText(JsonNode object, String parent, String field) {
        return optionalText(object, parent, field).orElseThrow(() -> invalid(path(parent, field), "is required"));
    }

    static Optional<MediaType> optionalMediaType(JsonNode object, String parent, String field) {
        return optionalText(object, parent, field).map(text -> {
            if (!MediaType.isWellFormed(text)) {
                throw invalid(path(parent, field), "must be a media type `type/subtype`, got " + shown(object.get(field)));
            }
            return new MediaType(text);
        });
    }

    static MediaType requiredMediaType(JsonNode object, String parent, String field) {
        return optionalMediaType(object, parent, field).orElseThrow(() -> invalid(path(parent, field), "is required"));
    }

    static Digest requiredDigest(JsonNode object, String parent, String field) {
        String text = requiredText(object, parent, field);
        try {
            return Digest.parse(text);
        } catch (InvalidDigestException e) {
            throw invalid(path(parent, field), "is not a valid digest: " + e.getMessage());
        }
    }

    static long requiredSize(JsonNode object, String parent, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            throw invalid(path(parent, field), "is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw invalid(path(parent, field), "must be a whole number of bytes, got " + shown(node));
        }
        return node.longValue();
    }

    static Optional<JsonNode> optionalObject(JsonNode object, String parent, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw invalid(path(parent, field), "must be an object, got " + shown(node));
        }
        return Optional.of(node);
    }

    /** The elements of an array field, absent when the field is. */
    static Optional<List<JsonNode>> optionalArray(JsonNode object, String parent, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw invalid(path(parent, field), "must be an array, got " + shown(node));
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return Optional.of(elements);
    }

    static List<String> optionalTexts(JsonNode object, String parent, String field) {
        List<String> texts = new ArrayList<>();
        List<JsonNode> elements = optionalArray(object, parent, field).orElse(List.of());
        for (int index = 0; index < elements.size(); index++) {
            JsonNode element = elements.get(index);
            if (!element.isTextual()) {
                throw invalid(path(parent, field) + "[" + index + "]", "must be a string, got " + shown(element));
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    /** An {@code annotations} map: string keys to string values (OCI image-spec, annotations). */
    static Map<String, String> annotations(JsonNode object, String parent) {
        Map<String, String> annotations = new LinkedHashMap<>();
        optionalObject(object, parent, "annotations").ifPresent(node -> node.properties().forEach(entry -> {
            if (!entry.getValue().isTextual()) {
                throw invalid(path(parent, "annotations") + "." + entry.getKey(), "must be a string, got " + shown(entry.getValue()));
            }
            annotations.put(entry.getKey(), entry.getValue().textValue());
        }));
        return annotations;
    }

    /** A JSON value as messages show it: its text, cut short. */
    static String shown(JsonNode node) {
        String text = node.toString();
        return "`" + (text.length() <= 60 ? text : text.substring(0, 60) + "...") + "`";
    }
}
