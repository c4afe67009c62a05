package dev.berth.registry.manifest.wire;

import static dev.berth.registry.manifest.wire.JsonFields.annotations;
import static dev.berth.registry.manifest.wire.JsonFields.invalid;
import static dev.berth.registry.manifest.wire.JsonFields.optionalArray;
import static dev.berth.registry.manifest.wire.JsonFields.optionalMediaType;
import static dev.berth.registry.manifest.wire.JsonFields.optionalObject;
import static dev.berth.registry.manifest.wire.JsonFields.optionalText;
import static dev.berth.registry.manifest.wire.JsonFields.optionalTexts;
import static dev.berth.registry.manifest.wire.JsonFields.path;
import static dev.berth.registry.manifest.wire.JsonFields.requiredDigest;
import static dev.berth.registry.manifest.wire.JsonFields.requiredMediaType;
import static dev.berth.registry.manifest.wire.JsonFields.requiredSize;
import static dev.berth.registry.manifest.wire.JsonFields.requiredText;
import static dev.berth.registry.manifest.wire.JsonFields.shown;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.Manifest;
import dev.berth.registry.manifest.ManifestKind;
import dev.berth.registry.manifest.MediaType;
import dev.berth.registry.manifest.Platform;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a pushed manifest's bytes into a {@link Manifest} (registry.md sections 6 and 7), or refuses
 * it: over {@link Manifest#MAX_BYTES} is {@code MANIFEST_TOO_LARGE}; a media type other than the four
 * stored formats is {@code UNSUPPORTED}; anything else wrong is {@code MANIFEST_INVALID} naming the
 * field: not JSON, a {@code mediaType} that disagrees with the {@code Content-Type}, both {@code layers}
 * and {@code manifests}, a {@code schemaVersion} other than 2, a malformed descriptor.
 */
public final class ManifestReader {
    private ManifestReader() {
    }

    /**
     * Reads {@code bytes} pushed with {@code contentType} (absent when the request had none: then the
     * body's {@code mediaType} decides, else the presence of {@code manifests}).
     */
    public static Manifest read(byte[] bytes, Optional<MediaType> contentType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
        if (bytes.length > Manifest.MAX_BYTES) {
            throw new RegistryException(Problem.MANIFEST_TOO_LARGE,
                    "manifest is " + bytes.length + " bytes, over the limit of " + Manifest.MAX_BYTES);
        }
        contentType.ifPresent(ManifestReader::kindOf);
        JsonNode root = parse(bytes);
        Optional<MediaType> bodyType = optionalMediaType(root, "", "mediaType");
        if (contentType.isPresent() && bodyType.isPresent() && !contentType.get().sameAs(bodyType.get())) {
            throw invalid("mediaType", "`" + bodyType.get() + "` disagrees with the Content-Type `" + contentType.get() + "`");
        }
        if (root.has("layers") && root.has("manifests")) {
            throw invalid("layers", "and `manifests` may not both be present");
        }
        ManifestKind kind = kindOf(contentType.or(() -> bodyType)
                .orElse(root.has("manifests") ? ManifestKind.OCI_INDEX.mediaType() : ManifestKind.OCI_MANIFEST.mediaType()));
        readSchemaVersion(root);
        boolean oci = kind == ManifestKind.OCI_MANIFEST || kind == ManifestKind.OCI_INDEX;
        Optional<MediaType> artifactType = oci ? optionalMediaType(root, "", "artifactType") : Optional.empty();
        Optional<Descriptor> subject = oci ? optionalObject(root, "", "subject").map(node -> descriptor(node, "subject"))
                : Optional.empty();
        if (kind.isIndex()) {
            if (root.has("config")) {
                throw invalid("config", "may not be in an index");
            }
            List<Descriptor> manifests = descriptors(root, "manifests");
            return new Manifest(2, kind, artifactType, Optional.empty(), List.of(), manifests, subject, annotations(root, ""));
        }
        JsonNode config = optionalObject(root, "", "config").orElseThrow(() -> invalid("config", "is required"));
        List<Descriptor> layers = descriptors(root, "layers");
        return new Manifest(2, kind, artifactType, Optional.of(descriptor(config, "config")), layers, List.of(), subject,
                annotations(root, ""));
    }

    /** The stored format of that media type; {@code UNSUPPORTED} for any other. */
    public static ManifestKind kindOf(MediaType mediaType) {
        return ManifestKind.of(mediaType).orElseThrow(() -> new RegistryException(Problem.UNSUPPORTED,
                "manifest media type `" + mediaType + "` is not supported (use an OCI image manifest or index,"
                        + " or a Docker v2 schema 2 manifest or manifest list)"));
    }

    private static JsonNode parse(byte[] bytes) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new RegistryException(Problem.MANIFEST_INVALID, "manifest is not JSON: " + describe(e));
        } catch (IOException e) {
            throw new RegistryException(Problem.MANIFEST_INVALID, "manifest is not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new RegistryException(Problem.MANIFEST_INVALID, "manifest is empty");
        }
        if (!root.isObject()) {
            throw new RegistryException(Problem.MANIFEST_INVALID, "manifest must be a JSON object, got " + shown(root));
        }
        return root;
    }

    private static void readSchemaVersion(JsonNode root) {
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            throw invalid("schemaVersion", "is required");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != 2) {
            throw invalid("schemaVersion", "must be 2, got " + shown(version));
        }
    }

    private static List<Descriptor> descriptors(JsonNode root, String field) {
        List<JsonNode> elements = optionalArray(root, "", field).orElseThrow(() -> invalid(field, "is required"));
        List<Descriptor> descriptors = new ArrayList<>(elements.size());
        for (int index = 0; index < elements.size(); index++) {
            String where = field + "[" + index + "]";
            JsonNode element = elements.get(index);
            if (!element.isObject()) {
                throw invalid(where, "must be a descriptor object, got " + shown(element));
            }
            descriptors.add(descriptor(element, where));
        }
        return descriptors;
    }

    /** A descriptor (OCI image-spec, descriptor properties), its fields read where {@code where} says. */
    static Descriptor descriptor(JsonNode node, String where) {
        return new Descriptor(requiredMediaType(node, where, "mediaType"), requiredDigest(node, where, "digest"),
                requiredSize(node, where, "size"), optionalMediaType(node, where, "artifactType"), annotations(node, where),
                optionalObject(node, where, "platform").map(platform -> platform(platform, path(where, "platform"))),
                optionalTexts(node, where, "urls"));
    }

    private static Platform platform(JsonNode node, String where) {
        return new Platform(requiredText(node, where, "architecture"), requiredText(node, where, "os"),
                optionalText(node, where, "os.version"), optionalTexts(node, where, "os.features"),
                optionalText(node, where, "variant"));
    }

    private static String describe(JacksonException e) {
        String message = Objects.requireNonNullElse(e.getOriginalMessage(), "unreadable");
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        String shown = first.length() <= 160 ? first : first.substring(0, 160) + "...";
        JsonLocation location = e.getLocation();
        return location == null ? shown : shown + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
