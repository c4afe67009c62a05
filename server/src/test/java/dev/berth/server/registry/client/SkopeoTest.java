package dev.berth.server.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkopeoTest {
    @TempDir
    Path folder;

    @Test
    void missingSkopeoFailsWithAnInstallHint() {
        assertThatThrownBy(() -> Skopeo.create(folder.resolve("no-such-skopeo"), folder.resolve("state"), Duration.ofSeconds(5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install skopeo");
    }

    @Test
    void runnerKeepsItsStateInItsOwnFolderAndReportsExitCodeAndOutput() throws Exception {
        Skopeo skopeo = Skopeo.create(folder.resolve("state"));

        Skopeo.Result version = skopeo.run(List.of("--version")).assertSucceeded();
        assertThat(version.stdout()).startsWith("skopeo version");
        Skopeo.Result wrong = skopeo.run(List.of("inspect", "oci:" + folder.resolve("missing") + ":v1"));
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("missing");
        assertThat(skopeo.authFile()).isEqualTo(folder.resolve("state/auth.json"));
        assertThat(Files.readString(skopeo.authFile())).isEqualTo("{\"auths\":{}}");
    }
}
