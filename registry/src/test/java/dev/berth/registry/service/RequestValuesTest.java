package dev.berth.registry.service;

import static dev.berth.registry.service.RegistryFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.RegistryException.Problem;
import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.MediaType;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.Reference;
import dev.berth.registry.name.Tag;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bad input of registry.md section 7 that reaches the domain as text. */
class RequestValuesTest {
    @Test
    void badRepositoryNamesAreNameInvalid() {
        for (String name : new String[] {"team/../app", "team/%2e%2e/app", "team//app", "Team/app", "team/App", "team/" + "a".repeat(251),
                "team", "", "team/app/"}) {
            assertRefused(() -> RequestValues.imageName(name), Problem.NAME_INVALID, "");
        }
        assertRefused(() -> RequestValues.imageName("team/" + "a".repeat(251)), Problem.NAME_INVALID, "longer than 255 characters");
        assertThat(RequestValues.imageName("team/deep/app")).isEqualTo(ImageName.parse("team/deep/app"));
    }

    @Test
    void aTagOver128CharactersIsTagInvalid() {
        assertThat(RequestValues.reference("t".repeat(128))).isEqualTo(new Tag("t".repeat(128)));
        assertRefused(() -> RequestValues.reference("t".repeat(129)), Problem.TAG_INVALID, "1 to 128");
        assertRefused(() -> RequestValues.reference(".hidden"), Problem.TAG_INVALID, "not starting with");
    }

    @Test
    void aLookupByTextThatIsNeitherATagNorADigestFindsNothingButAMalformedDigestIsDigestInvalid() {
        Digest digest = Digest.sha256Of(new byte[0]);

        assertThat(RequestValues.lookupReference("v1")).contains(new Tag("v1"));
        assertThat(RequestValues.lookupReference(digest.toString())).contains(new Reference.ByDigest(digest));
        assertThat(RequestValues.lookupReference(".INVALID_MANIFEST_NAME")).isEmpty();
        assertThat(RequestValues.lookupReference("t".repeat(129))).isEmpty();
        assertThat(RequestValues.lookupReference("")).isEmpty();
        assertRefused(() -> RequestValues.lookupReference("sha256:totallywrong"), Problem.DIGEST_INVALID, "64 lower-case hex digits");
    }

    @Test
    void digestsOfAnUnknownAlgorithmOrWrongLengthAreDigestInvalid() {
        Digest digest = Digest.sha256Of(new byte[0]);

        assertThat(RequestValues.reference(digest.toString())).isEqualTo(new Reference.ByDigest(digest));
        assertRefused(() -> RequestValues.reference("md5:d41d8cd98f00b204e9800998ecf8427e"), Problem.DIGEST_INVALID, "`md5` is not supported");
        assertRefused(() -> RequestValues.digest("sha256:abc"), Problem.DIGEST_INVALID, "64 lower-case hex digits");
        assertRefused(() -> RequestValues.digest("sha512:" + "a".repeat(64)), Problem.DIGEST_INVALID, "128 lower-case hex digits");
    }

    @Test
    void pageSizesOfZeroAreEmptyNegativeOrGarbageRefusedAndHugeCapped() {
        assertThat(RequestValues.pageSize(Optional.of("0"))).isEqualTo(new PageSize(0));
        assertThat(RequestValues.pageSize(Optional.of("25"))).isEqualTo(new PageSize(25));
        assertThat(RequestValues.pageSize(Optional.of("1001"))).isEqualTo(new PageSize(PageSize.MAX));
        assertThat(RequestValues.pageSize(Optional.of("99999999999999999999999999"))).isEqualTo(new PageSize(PageSize.MAX));
        assertThat(RequestValues.pageSize(Optional.empty())).isEqualTo(PageSize.DEFAULT);
        assertRefused(() -> RequestValues.pageSize(Optional.of("-1")), Problem.PAGINATION_INVALID, "must not be negative");
        assertRefused(() -> RequestValues.pageSize(Optional.of("ten")), Problem.PAGINATION_INVALID, "must be a number");
        assertRefused(() -> RequestValues.pageSize(Optional.of("")), Problem.PAGINATION_INVALID, "must be a number");
    }

    @Test
    void aLastMustBeATagOrARepositoryNameButNeedNotExist() {
        assertThat(RequestValues.lastTag(Optional.of("never-pushed"))).contains(new Tag("never-pushed"));
        assertThat(RequestValues.lastTag(Optional.of(""))).isEmpty();
        assertRefused(() -> RequestValues.lastTag(Optional.of("a/b")), Problem.PAGINATION_INVALID, "`a/b` is not a tag");
        assertThat(RequestValues.lastRepository(Optional.of("team/app"))).contains(ImageName.parse("team/app"));
        assertRefused(() -> RequestValues.lastRepository(Optional.of("team/../x")), Problem.PAGINATION_INVALID, "`last`");
    }

    @Test
    void chunkRangesAreFirstDashLast() {
        assertThat(RequestValues.chunkRange("0-99")).isEqualTo(new ChunkRange(0, 99));
        assertThat(RequestValues.chunkRange("bytes 100-199")).isEqualTo(new ChunkRange(100, 199));
        assertRefused(() -> RequestValues.chunkRange("10-5"), Problem.RANGE_INVALID, "ends before it starts");
        assertRefused(() -> RequestValues.chunkRange("5-"), Problem.RANGE_INVALID, "is not `first-last`");
        assertRefused(() -> RequestValues.chunkRange("-5"), Problem.RANGE_INVALID, "is not `first-last`");
        assertRefused(() -> RequestValues.chunkRange("1-99999999999999999999"), Problem.RANGE_INVALID, "is not `first-last`");
    }

    @Test
    void aMalformedUploadIdIsAnUnknownUpload() {
        assertRefused(() -> RequestValues.uploadId("../../etc"), Problem.BLOB_UPLOAD_UNKNOWN, "upload `../../etc` is unknown");
    }

    @Test
    void aContentTypeMayBeAbsentOrCarryParameters() {
        assertThat(RequestValues.contentType(Optional.empty())).isEmpty();
        assertThat(RequestValues.contentType(Optional.of("  "))).isEmpty();
        assertThat(RequestValues.contentType(Optional.of("application/vnd.oci.image.manifest.v1+json; charset=utf-8")))
                .contains(new MediaType("application/vnd.oci.image.manifest.v1+json"));
        assertRefused(() -> RequestValues.contentType(Optional.of("garbage")), Problem.UNSUPPORTED, "`garbage` is not a media type");
    }
}
