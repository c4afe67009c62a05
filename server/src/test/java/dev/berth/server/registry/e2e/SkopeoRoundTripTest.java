package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.content.Digest;
import dev.berth.server.registry.client.OciLayouts;
import dev.berth.server.registry.client.OciLayouts.Layout;
import dev.berth.server.registry.client.Skopeo;
import dev.berth.server.registry.client.Skopeo.Credentials;
import dev.berth.server.registry.client.Skopeo.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code skopeo} against a running Berth with the first start's credentials (iam-api.md section 1a):
 * an OCI layout with an index of two platforms and a referrer goes to {@code library/...} and comes back
 * byte for byte; tags are listed, manifests inspected, and deletes take effect.
 */
abstract class SkopeoRoundTripTest extends RunningRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Optional<Credentials> NONE = Optional.empty();
    private Optional<Credentials> account;

    @BeforeAll
    void signIn() {
        account = Optional.of(started.registryCredentials());
    }

    private String image(String repository, String reference) {
        return "docker://" + started.endpoint() + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    @Test
    void anIndexWithTwoPlatformsAndAReferrerMakesARoundTripByteForByte() throws Exception {
        Layout source = OciLayouts.build(folder.resolve("source"), 7);
        Skopeo skopeo = Skopeo.create(folder.resolve("skopeo-round-trip"));
        String image = image("library/app", OciLayouts.INDEX_TAG);
        String referrer = image("library/app", source.referrer().digest().toString());
        skopeo.copyAll(source.reference(OciLayouts.INDEX_TAG), image, NONE, account).assertSucceeded();
        skopeo.copyAll(source.reference(OciLayouts.REFERRER_TAG), referrer, NONE, account).assertSucceeded();

        Path copy = folder.resolve("copy");
        skopeo.copyAll(image, "oci:" + copy + ":" + OciLayouts.INDEX_TAG, account, NONE).assertSucceeded();
        skopeo.copyAll(referrer, "oci:" + copy + ":" + OciLayouts.REFERRER_TAG, account, NONE).assertSucceeded();
        assertSameBlobs(source.directory(), copy);
        assertThat(skopeo.inspectRaw(image, account).assertSucceeded().stdout().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(Files.readAllBytes(OciLayouts.blobs(source.directory()).get(source.index().digest())));
    }

    @Test
    void tagsAreListedAndDeletesTakeEffect() throws Exception {
        Layout source = OciLayouts.build(folder.resolve("source-tags"), 8);
        Skopeo skopeo = Skopeo.create(folder.resolve("skopeo-tags"));
        skopeo.copyAll(source.reference(OciLayouts.INDEX_TAG), image("library/tagged", "v1"), NONE, account).assertSucceeded();
        skopeo.copyAll(source.reference(OciLayouts.INDEX_TAG), image("library/tagged", "v2"), NONE, account).assertSucceeded();
        JsonNode tags = JSON.readTree(skopeo.listTags("docker://" + started.endpoint() + "/library/tagged", account).assertSucceeded()
                .stdout());
        assertThat(tags.get("Tags")).extracting(JsonNode::asText).containsExactly("v1", "v2");

        skopeo.delete(image("library/tagged", source.index().digest().toString()), account).assertSucceeded();
        Result gone = skopeo.inspectRaw(image("library/tagged", "v1"), account);
        assertThat(gone.exitCode()).isNotZero();
        assertThat(gone.stderr()).containsIgnoringCase("manifest unknown");
    }

    @Test
    void anAnonymousClientIsAskedToSignInAndAWrongPasswordIsRefused() throws Exception {
        Skopeo skopeo = Skopeo.create(folder.resolve("skopeo-anonymous"));
        Result anonymous = skopeo.listTags("docker://" + started.endpoint() + "/library/app", NONE);
        assertThat(anonymous.exitCode()).isNotZero();
        assertThat(anonymous.stderr()).containsIgnoringCase("unauthorized");
        Result wrong = skopeo.listTags("docker://" + started.endpoint() + "/library/app",
                Optional.of(new Credentials(started.accountId(), "not-the-password-1")));
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).containsIgnoringCase("unauthorized");
    }

    private static void assertSameBlobs(Path expected, Path actual) throws IOException {
        SortedMap<Digest, Path> expectedBlobs = OciLayouts.blobs(expected);
        SortedMap<Digest, Path> actualBlobs = OciLayouts.blobs(actual);
        assertThat(actualBlobs.keySet()).containsExactlyElementsOf(expectedBlobs.keySet());
        for (Map.Entry<Digest, Path> blob : expectedBlobs.entrySet()) {
            assertThat(Files.readAllBytes(actualBlobs.get(blob.getKey()))).as("blob `%s`", blob.getKey())
                    .isEqualTo(Files.readAllBytes(blob.getValue()));
        }
    }
}
