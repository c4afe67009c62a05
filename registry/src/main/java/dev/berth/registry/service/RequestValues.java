package dev.berth.registry.service;

import static dev.berth.registry.text.Shown.shown;

import dev.berth.registry.RegistryException;
import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.content.Digest;
import dev.berth.registry.content.InvalidDigestException;
import dev.berth.registry.manifest.MediaType;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.InvalidNameException;
import dev.berth.registry.name.Reference;
import dev.berth.registry.name.Tag;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of a {@code /v2} request (path parts, query parameters, headers) into the domain's
 * types, refusing a malformed one with the problem the OCI distribution-spec names for it.
 */
public final class RequestValues {
    private static final Pattern RANGE = Pattern.compile("(?:bytes[ =])?([0-9]{1,18})-([0-9]{1,18})");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");

    private RequestValues() {
    }

    /** {@code NAME_INVALID} when it breaks the grammar (registry.md section 7: {@code ..}, {@code //}, upper case, > 255). */
    public static ImageName imageName(String text) {
        try {
            return ImageName.parse(text);
        } catch (InvalidNameException e) {
            throw new RegistryException(Problem.NAME_INVALID, e.getMessage());
        }
    }

    /** A tag, or a digest when it has a colon: {@code TAG_INVALID} or {@code DIGEST_INVALID}. */
    public static Reference reference(String text) {
        if (text != null && text.indexOf(':') >= 0) {
            return new Reference.ByDigest(digest(text));
        }
        try {
            return new Tag(text);
        } catch (InvalidNameException e) {
            throw new RegistryException(Problem.TAG_INVALID, e.getMessage());
        }
    }

    /**
     * The reference of a manifest read or delete: a digest when it has a colon ({@code DIGEST_INVALID}
     * when malformed), a tag when it is one, and empty when it is neither, for no manifest can be found
     * by it (the OCI conformance suite reads {@code .INVALID_MANIFEST_NAME} and expects 404). Only a push
     * names a new tag, so only {@link #reference} refuses such text as {@code TAG_INVALID}.
     */
    public static Optional<Reference> lookupReference(String text) {
        if (text != null && text.indexOf(':') >= 0) {
            return Optional.of(new Reference.ByDigest(digest(text)));
        }
        return Tag.isWellFormed(text) ? Optional.of(new Tag(text)) : Optional.empty();
    }

    /** {@code DIGEST_INVALID} for an unknown algorithm or a wrong length. */
    public static Digest digest(String text) {
        try {
            return Digest.parse(text);
        } catch (InvalidDigestException e) {
            throw new RegistryException(Problem.DIGEST_INVALID, e.getMessage());
        }
    }

    /** An id that cannot be a session's is an unknown session. */
    public static UploadId uploadId(String text) {
        if (!UploadId.isWellFormed(text)) {
            throw new RegistryException(Problem.BLOB_UPLOAD_UNKNOWN, "upload `" + shown(String.valueOf(text)) + "` is unknown");
        }
        return new UploadId(text);
    }

    /** A manifest's {@code Content-Type} without parameters; blank is absent, malformed is {@code UNSUPPORTED}. */
    public static Optional<MediaType> contentType(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MediaType.parseContentType(header.get()));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(Problem.UNSUPPORTED, "Content-Type `" + shown(header.get()) + "` is not a media type");
        }
    }

    /** {@code Content-Range} of a chunk, {@code first-last} (a {@code bytes } or {@code bytes=} prefix is tolerated). */
    public static ChunkRange chunkRange(String header) {
        Matcher matcher = RANGE.matcher(header == null ? "" : header.strip());
        if (!matcher.matches()) {
            throw new RegistryException(Problem.RANGE_INVALID, "Content-Range `" + shown(String.valueOf(header)) + "` is not `first-last`");
        }
        long first = Long.parseLong(matcher.group(1));
        long last = Long.parseLong(matcher.group(2));
        if (last < first) {
            throw new RegistryException(Problem.RANGE_INVALID, "Content-Range `" + header.strip() + "` ends before it starts");
        }
        return new ChunkRange(first, last);
    }

    /** The {@code n} of a listing: absent is the default, 0 is an empty page, negative or not a number is refused, huge is capped. */
    public static PageSize pageSize(Optional<String> n) {
        if (n.isEmpty()) {
            return PageSize.DEFAULT;
        }
        String text = n.get().strip();
        if (!NUMBER.matcher(text).matches()) {
            throw new RegistryException(Problem.PAGINATION_INVALID, "page size `n` must be a number, got `" + shown(text) + "`");
        }
        if (text.startsWith("-")) {
            throw new RegistryException(Problem.PAGINATION_INVALID, "page size `n` must not be negative, got `" + shown(text) + "`");
        }
        return text.length() > 9 ? PageSize.DEFAULT : PageSize.capped(Long.parseLong(text));
    }

    /** The {@code last} of a tags listing; it need not exist, but must be a tag. */
    public static Optional<Tag> lastTag(Optional<String> last) {
        if (last.isEmpty() || last.get().isEmpty()) {
            return Optional.empty();
        }
        if (!Tag.isWellFormed(last.get())) {
            throw new RegistryException(Problem.PAGINATION_INVALID, "`last` `" + shown(last.get()) + "` is not a tag");
        }
        return Optional.of(new Tag(last.get()));
    }

    /** The {@code last} of a catalog listing; it need not exist, but must be a repository name. */
    public static Optional<ImageName> lastRepository(Optional<String> last) {
        if (last.isEmpty() || last.get().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ImageName.parse(last.get()));
        } catch (InvalidNameException e) {
            throw new RegistryException(Problem.PAGINATION_INVALID, "`last` " + e.getMessage());
        }
    }

}
