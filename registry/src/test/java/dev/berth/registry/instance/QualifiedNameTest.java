package dev.berth.registry.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.InvalidNameException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualifiedNameTest {
    @Test
    void anEnterpriseInstanceIdFirstIsTheInstancePart() {
        assertThat(QualifiedName.parse("cri-0123456789abcdef/ns/app"))
                .isEqualTo(new QualifiedName(Optional.of(new InstanceId("cri-0123456789abcdef")), ImageName.parse("ns/app")));
    }

    @Test
    void aNameWithoutAnInstanceIdIsReadWhole() {
        assertThat(QualifiedName.parse("ns/team/app")).isEqualTo(new QualifiedName(Optional.empty(), ImageName.parse("ns/team/app")));
    }

    @Test
    void aPersonalInstanceIdIsNotAnInstancePart() {
        assertThat(QualifiedName.parse("crpi-0123456789abcdef/app").instance()).isEmpty();
    }

    @Test
    void anInstanceIdWithoutAnImageNameIsInvalid() {
        assertThatThrownBy(() -> QualifiedName.parse("cri-0123456789abcdef/app")).isInstanceOf(InvalidNameException.class);
    }
}
