package dev.berth.registry.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaTypeTest {
    @Test
    void aContentTypeLosesItsParameters() {
        assertThat(MediaType.parseContentType(" application/vnd.oci.image.index.v1+json ; charset=utf-8").value())
                .isEqualTo("application/vnd.oci.image.index.v1+json");
    }

    @Test
    void keepsItsCaseButComparesWithoutIt() {
        MediaType mixed = new MediaType("application/vnd.Example+json");

        assertThat(mixed.value()).isEqualTo("application/vnd.Example+json");
        assertThat(mixed.sameAs(new MediaType("APPLICATION/VND.EXAMPLE+JSON"))).isTrue();
        assertThat(mixed.sameAs(new MediaType("application/vnd.other+json"))).isFalse();
    }

    @Test
    void refusesWhatIsNotTypeSlashSubtype() {
        assertThatThrownBy(() -> new MediaType("json")).hasMessageContaining("`json` is not `type/subtype`");
        assertThatThrownBy(() -> new MediaType("a/b/c")).hasMessageContaining("is not `type/subtype`");
        assertThatThrownBy(() -> new MediaType("text/plain; charset=utf-8")).hasMessageContaining("is not `type/subtype`");
    }
}
