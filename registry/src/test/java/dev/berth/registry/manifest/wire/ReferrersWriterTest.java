package dev.berth.registry.manifest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.registry.content.Digest;
import dev.berth.registry.manifest.Descriptor;
import dev.berth.registry.manifest.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferrersWriterTest {
    @Test
    void writesAnOciIndexOfTheReferrersWithArtifactTypeAndAnnotationsOnlyWhenPresent() throws Exception {
        Digest signature = Digest.sha256Of("sig".getBytes(StandardCharsets.UTF_8));
        Digest plain = Digest.sha256Of("plain".getBytes(StandardCharsets.UTF_8));
        MediaType manifest = new MediaType("application/vnd.oci.image.manifest.v1+json");
        List<Descriptor> referrers = List.of(
                new Descriptor(manifest, signature, 321, Optional.of(new MediaType("application/vnd.example.sig")),
                        Map.of("org.opencontainers.image.created", "2026-03-01T08:00:00Z"), Optional.empty(), List.of()),
                Descriptor.of(manifest, plain, 12));

        JsonNode index = JsonMapper.builder().build().readTree(ReferrersWriter.write(referrers));

        assertThat(index.get("schemaVersion").intValue()).isEqualTo(2);
        assertThat(index.get("mediaType").textValue()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(index.get("manifests")).hasSize(2);
        JsonNode first = index.get("manifests").get(0);
        assertThat(first.get("mediaType").textValue()).isEqualTo(manifest.value());
        assertThat(first.get("digest").textValue()).isEqualTo(signature.toString());
        assertThat(first.get("size").longValue()).isEqualTo(321);
        assertThat(first.get("artifactType").textValue()).isEqualTo("application/vnd.example.sig");
        assertThat(first.get("annotations").get("org.opencontainers.image.created").textValue()).isEqualTo("2026-03-01T08:00:00Z");
        JsonNode second = index.get("manifests").get(1);
        assertThat(second.has("artifactType")).isFalse();
        assertThat(second.has("annotations")).isFalse();
    }

    @Test
    void noReferrersIsAnIndexWithAnEmptyManifestsArray() throws Exception {
        JsonNode index = JsonMapper.builder().build().readTree(ReferrersWriter.write(List.of()));

        assertThat(index.get("manifests").isArray()).isTrue();
        assertThat(index.get("manifests")).isEmpty();
    }
}
