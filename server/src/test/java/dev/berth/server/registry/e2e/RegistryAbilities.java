package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.registry.client.OciLayouts;
import dev.berth.server.registry.client.OciLayouts.Layout;
import dev.berth.server.registry.client.Skopeo;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.client.Skopeo.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Finds out with {@code skopeo} what a caller may do to repositories by doing it: pull (copy from the
 * registry), push (copy to it), list tags and delete. Each success is checked for its effect, as the
 * repositories' owner sees it, and each failure for being a refusal: skopeo reporting
 * {@code unauthorized}, {@code denied} or, for a HEAD, which has no body, {@code 403 (Forbidden)}.
 * Every repository tried must hold the owner's image at tag {@value #TAG}.
 */
final class RegistryAbilities {
    static final String TAG = OciLayouts.INDEX_TAG;
    private static final String DOOMED = "doomed";
    private static final Pattern REFUSAL = Pattern.compile("(?is).*\\b(unauthorized|denied|forbidden)\\b.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a client does to a repository. */
    enum Operation { PULL, PUSH, LIST_TAGS, DELETE }

    private final Skopeo skopeo;
    private final String endpoint;
    private final Credentials owner;
    private final Layout owners;
    private final Layout pushed;
    private final Layout doomed;
    private final Path scratch;
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * @param owners what the owner puts at tag {@value #TAG}; {@code pushed} what callers push; {@code doomed}
     *               what the owner puts at tag {@value #DOOMED} for a caller to delete; {@code scratch} a
     *               folder for pulled copies, made if missing
     */
    private RegistryAbilities(Skopeo skopeo, String endpoint, Credentials owner, Layout owners, Layout pushed, Layout doomed, Path scratch)
            throws IOException {
        this.skopeo = Objects.requireNonNull(skopeo, "skopeo");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.pushed = Objects.requireNonNull(pushed, "pushed");
        this.doomed = Objects.requireNonNull(doomed, "doomed");
        this.scratch = Files.createDirectories(scratch);
    }

    /**
     * Abilities tried in {@code folder} ({@code skopeo} state, pulled copies), pushing the layout of seed
     * {@code seed + 1} and deleting that of {@code seed + 2}, after the owner put the layout of {@code seed}
     * at tag {@value #TAG} in each of {@code repositories}.
     */
    static RegistryAbilities withOwnersImage(Path folder, String endpoint, Credentials owner, int seed, List<String> repositories)
            throws IOException, InterruptedException {
        Layout owners = OciLayouts.build(folder.resolve("owners"), seed);
        RegistryAbilities abilities = new RegistryAbilities(Skopeo.create(folder.resolve("skopeo")), endpoint, owner, owners,
                OciLayouts.build(folder.resolve("pushed"), seed + 1), OciLayouts.build(folder.resolve("doomed"), seed + 2),
                folder.resolve("pulled"));
        for (String repository : repositories) {
            abilities.putAsOwner(owners, repository, TAG);
        }
        return abilities;
    }

    /** The layout the owner put at tag {@value #TAG} in every repository tried. */
    Layout owners() {
        return owners;
    }

    /** {@code docker://<endpoint>/<repository>:<tag>}. */
    String image(String repository, String tag) {
        return "docker://" + endpoint + "/" + repository + ":" + tag;
    }

    /** The owner copies {@code layout}'s index and its images to {@code repository:tag}. */
    void putAsOwner(Layout layout, String repository, String tag) throws IOException, InterruptedException {
        skopeo.copyAll(layout.reference(TAG), image(repository, tag), Optional.empty(), Optional.of(owner)).assertSucceeded();
    }

    /** What {@code caller} may do to each repository, in the order given. */
    Map<String, Set<Operation>> of(Optional<Credentials> caller, List<String> repositories) throws IOException, InterruptedException {
        Map<String, Set<Operation>> found = new LinkedHashMap<>();
        for (String repository : repositories) {
            found.put(repository, of(caller, repository));
        }
        return found;
    }

    Set<Operation> of(Optional<Credentials> caller, String repository) throws IOException, InterruptedException {
        Set<Operation> done = EnumSet.noneOf(Operation.class);
        for (Operation operation : Operation.values()) {
            if (tries(operation, caller, repository)) {
                done.add(operation);
            }
        }
        return done;
    }

    /** Whether {@code caller} could do {@code operation}; fails when the outcome is neither a checked success nor a refusal. */
    boolean tries(Operation operation, Optional<Credentials> caller, String repository) throws IOException, InterruptedException {
        int attempt = counter.incrementAndGet();
        return switch (operation) {
            case PULL -> {
                Result copy = skopeo.copyAll(image(repository, TAG), "oci:" + scratch.resolve("pull-" + attempt) + ":" + TAG, caller,
                        Optional.empty());
                yield succeeded(copy, () -> assertThat(OciLayouts.blobs(scratch.resolve("pull-" + attempt))).isNotEmpty());
            }
            case PUSH -> {
                String tag = "pushed-" + attempt;
                Result push = skopeo.copyAll(pushed.reference(TAG), image(repository, tag), Optional.empty(), caller);
                boolean ownerSees = skopeo.inspectRaw(image(repository, tag), Optional.of(owner)).succeeded();
                yield succeeded(push, () -> assertThat(ownerSees).as("the owner sees what was pushed to `%s`", repository).isTrue(),
                        () -> assertThat(ownerSees).as("the owner sees nothing pushed to `%s`", repository).isFalse());
            }
            case LIST_TAGS -> {
                Result listed = skopeo.listTags("docker://" + endpoint + "/" + repository, caller);
                yield succeeded(listed, () -> assertThat(JSON.readTree(listed.stdout()).get("Tags")).extracting(JsonNode::asText)
                        .contains(TAG));
            }
            case DELETE -> {
                putAsOwner(doomed, repository, DOOMED);
                Result deleted = skopeo.delete(image(repository, DOOMED), caller);
                boolean ownerSees = skopeo.inspectRaw(image(repository, DOOMED), Optional.of(owner)).succeeded();
                yield succeeded(deleted, () -> assertThat(ownerSees).as("`%s:%s` is gone", repository, DOOMED).isFalse(),
                        () -> assertThat(ownerSees).as("`%s:%s` is still there", repository, DOOMED).isTrue());
            }
        };
    }

    /** An effect to check. */
    @FunctionalInterface
    private interface Check {
        void run() throws IOException;
    }

    private static boolean succeeded(Result result, Check onSuccess) throws IOException {
        return succeeded(result, onSuccess, () -> {
        });
    }

    private static boolean succeeded(Result result, Check onSuccess, Check onRefusal) throws IOException {
        if (result.succeeded()) {
            onSuccess.run();
            return true;
        }
        assertThat(result.stderr()).as("a refusal by the registry: %s", String.join(" ", result.command())).matches(REFUSAL);
        onRefusal.run();
        return false;
    }
}
