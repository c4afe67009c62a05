package dev.berth.registry.manifest;

import static dev.berth.registry.text.Shown.shown;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A media type without parameters, {@code type/subtype} of RFC 6838 restricted names, kept as written
 * (so that an {@code artifactType} reads back exactly as pushed). Descriptors' {@code mediaType} and
 * {@code artifactType} and manifests' {@code Content-Type} are media types.
 */
public record MediaType(String value) {
    private static final Pattern FORM = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");

    public MediaType {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("media type `" + shown(value) + "` is not `type/subtype`");
        }
    }

    /** Whether both name the same media type (type and subtype compare case-insensitively, RFC 6838). */
    public boolean sameAs(MediaType other) {
        return value.equalsIgnoreCase(other.value);
    }

    /** Reads the media type of a {@code Content-Type} value, dropping its parameters ({@code ; charset=utf-8}). */
    public static MediaType parseContentType(String header) {
        Objects.requireNonNull(header, "header");
        int semicolon = header.indexOf(';');
        return new MediaType((semicolon < 0 ? header : header.substring(0, semicolon)).strip());
    }

    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }


    @Override
    public String toString() {
        return value;
    }
}
