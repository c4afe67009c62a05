package dev.berth.registry.manifest.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.ManifestKind;
import java.util.List;
import java.util.Map;

/**
 * Writes the answer of the referrers API (OCI distribution-spec, listing referrers): an OCI image
 * index whose {@code manifests} are the referrers' descriptors, each with its {@code mediaType},
 * {@code digest}, {@code size}, {@code artifactType} when it has one and {@code annotations} when any.
 */
public final class ReferrersWriter {
    private ReferrersWriter() {
    }

    /** The index's media type, the answer's {@code Content-Type}. */
    public static String contentType() {
        return ManifestKind.OCI_INDEX.mediaType().value();
    }

    public static byte[] write(List<Descriptor> referrers) {
        ObjectNode index = Json.MAPPER.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", contentType());
        ArrayNode manifests = index.putArray("manifests");
        for (Descriptor referrer : referrers) {
            ObjectNode entry = manifests.addObject();
            entry.put("mediaType", referrer.mediaType().value());
            entry.put("digest", referrer.digest().toString());
            entry.put("size", referrer.size());
            referrer.artifactType().ifPresent(type -> entry.put("artifactType", type.value()));
            if (!referrer.annotations().isEmpty()) {
                ObjectNode annotations = entry.putObject("annotations");
                referrer.annotations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(annotation -> annotations.put(annotation.getKey(), annotation.getValue()));
            }
        }
        try {
            return Json.MAPPER.writeValueAsBytes(index);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
