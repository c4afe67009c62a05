package dev.berth.registry.store;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.registry.blob.UploadId;
import dev.berth.registry.blob.UploadSession;
import dev.berth.registry.content.Digest;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.instance.InstanceStatus;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manifest.StoredManifest;
import dev.berth.registry.manifest.TagEntry;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.name.RepositoryPath;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.NamespaceId;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.repository.RepositoryId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Valid registry records with fresh random ids and names, so that tests sharing one database do not
 * meet each other's data. Instants are whole milliseconds, which every store keeps exactly.
 */
public final class RegistryFixtures {
    public static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RegistryFixtures() {
    }

    /** A random 16-digit account id. */
    public static AccountId account() {
        return new AccountId(String.valueOf(1_000_000_000_000_000L + RANDOM.nextLong(8_000_000_000_000_000L)));
    }

    /** A running instance of that type with a random id and name. */
    public static Instance instance(AccountId account, InstanceType type) {
        return new Instance(InstanceId.random(RANDOM, type.isPersonal()), account, instanceName(), type, InstanceStatus.RUNNING,
                new ResourceGroupId("rg-" + randomText(12)), NOW);
    }

    public static InstanceName instanceName() {
        return new InstanceName("i-" + randomText(20));
    }

    /** A random namespace name, {@code ns-} and 16 of {@code a-z0-9}. */
    public static NamespaceName namespaceName() {
        return new NamespaceName("ns-" + randomText(16));
    }

    /** A namespace with defaults: {@code AutoCreateRepo} true, {@code DefaultRepoType} {@code PRIVATE}. */
    public static Namespace namespace(InstanceId instance, NamespaceName name) {
        return new Namespace(NamespaceId.random(RANDOM), instance, name, true, RepoType.PRIVATE, NOW);
    }

    public static ImageName imageName(NamespaceName namespace, String repository) {
        return new ImageName(namespace, new RepositoryPath(repository));
    }

    /** A private repository with an empty summary and mutable tags. */
    public static ImageRepository repository(InstanceId instance, ImageName name) {
        return new ImageRepository(RepositoryId.random(RANDOM), instance, name, RepoType.PRIVATE, "", false, NOW, NOW);
    }

    /** The sha256 digest of random bytes: a blob no one else has. */
    public static Digest blob() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Digest.sha256Of(bytes);
    }

    /** An OCI image manifest: the first blob is its config, the others its layers. */
    public static StoredManifest image(List<Digest> blobs) {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"config\":" + descriptor("application/vnd.oci.image.config.v1+json", blobs.getFirst()) + ","
                + "\"layers\":[" + descriptors("application/vnd.oci.image.layer.v1.tar+gzip", blobs.subList(1, blobs.size())) + "],"
                + nonce() + "}";
        return manifest(OCI_MANIFEST, json, Optional.empty(), Optional.empty(), blobs, List.of());
    }

    /** An OCI image index listing those manifests. */
    public static StoredManifest index(List<Digest> children) {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\","
                + "\"manifests\":[" + descriptors(OCI_MANIFEST, children) + "]," + nonce() + "}";
        return manifest(OCI_INDEX, json, Optional.empty(), Optional.empty(), List.of(), children);
    }

    /** An artifact of that type whose {@code subject} is that manifest, with one random blob as its config. */
    public static StoredManifest referrer(Digest subject, String artifactType) {
        Digest config = blob();
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":\"" + artifactType + "\","
                + "\"config\":" + descriptor("application/vnd.oci.empty.v1+json", config) + ",\"layers\":[],"
                + "\"subject\":" + descriptor(OCI_MANIFEST, subject) + "," + nonce() + "}";
        return manifest(OCI_MANIFEST, json, Optional.of(artifactType), Optional.of(subject), List.of(config), List.of());
    }

    /** A manifest of exactly these bytes, whatever they are, with its sha256 digest. */
    public static StoredManifest manifest(String mediaType, byte[] bytes, Optional<String> artifactType, Optional<Digest> subject,
                                          List<Digest> blobs, List<Digest> children) {
        return new StoredManifest(Digest.sha256Of(bytes), mediaType, bytes, artifactType, subject, blobs, children, NOW);
    }

    public static TagEntry tag(String tag, Digest digest) {
        return new TagEntry(new Tag(tag), digest, NOW);
    }

    public static UploadSession upload(ImageRepository repository, Instant startedAt) {
        return new UploadSession(UploadId.random(), repository.instance(), repository.id(), startedAt);
    }

    /** A random instant in 1971, older than any upload a real server or another test makes. */
    public static Instant longAgo() {
        return Instant.parse("1971-01-01T00:00:00Z").plus(RANDOM.nextLong(300L * 24 * 3600 * 1000), ChronoUnit.MILLIS);
    }

    public static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static StoredManifest manifest(String mediaType, String json, Optional<String> artifactType, Optional<Digest> subject,
                                           List<Digest> blobs, List<Digest> children) {
        return manifest(mediaType, json.getBytes(StandardCharsets.UTF_8), artifactType, subject, blobs, children);
    }

    private static String descriptors(String mediaType, List<Digest> digests) {
        return digests.stream().map(digest -> descriptor(mediaType, digest)).collect(Collectors.joining(","));
    }

    private static String descriptor(String mediaType, Digest digest) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":1024}";
    }

    private static String nonce() {
        return "\"annotations\":{\"dev.berth.test.nonce\":\"" + randomText(16) + "\"}";
    }
}
