package dev.berth.registry.name;

import dev.berth.registry.content.Digest;

/** What follows {@code /manifests/}: a tag or a digest. */
public sealed interface Reference permits Tag, Reference.ByDigest {

    /** A digest reference. */
    record ByDigest(Digest digest) implements Reference {
        @Override
        public String toString() {
            return digest.toString();
        }
    }

    /** A digest when the text has a colon, a tag otherwise; throws when it is neither. */
    static Reference parse(String text) {
        if (text != null && text.indexOf(':') >= 0) {
            return new ByDigest(Digest.parse(text));
        }
        return new Tag(text);
    }
}
