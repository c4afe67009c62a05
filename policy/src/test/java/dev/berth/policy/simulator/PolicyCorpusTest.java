package dev.berth.policy.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Semantics as data: every case of {@code ../shared/cases/policy/} and of this module's own corpus
 * ({@code src/test/resources/policy-cases/}) runs through the simulator, one test per case, and must
 * state an expectation and meet it.
 */
class PolicyCorpusTest {
    private static final Path SHARED_CASES = Path.of(System.getProperty("berth.shared.dir", "../../shared"), "cases", "policy");
    private static final Path OWN_CASES = Path.of("src", "test", "resources", "policy-cases");
    private static final int OWN_MINIMUM = 150;

    @TestFactory
    Stream<DynamicNode> sharedCorpus() {
        return containers(SHARED_CASES);
    }

    @TestFactory
    Stream<DynamicNode> ownCorpus() {
        return containers(OWN_CASES);
    }

    @Test
    void ownCorpusHoldsAtLeast150Cases() {
        int count = 0;
        for (Path file : files(OWN_CASES)) {
            count += read(file).get("cases").size();
        }
        assertThat(count).isGreaterThanOrEqualTo(OWN_MINIMUM);
    }

    @Test
    void caseNamesAreUniqueAcrossBothCorpora() {
        List<String> names = new ArrayList<>();
        for (Path folder : List.of(SHARED_CASES, OWN_CASES)) {
            for (Path file : files(folder)) {
                read(file).get("cases").forEach(c -> names.add(c.get("name").asText()));
            }
        }
        assertThat(names).doesNotHaveDuplicates();
    }

    private static Stream<DynamicNode> containers(Path folder) {
        List<Path> files = files(folder);
        assertThat(files).as("case files in %s", folder.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
                cases(file)));
    }

    private static Stream<DynamicTest> cases(Path file) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode testCase : read(file).get("cases")) {
            String name = testCase.path("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertThat(testCase.has("expect")).as("case `%s` states an expectation", name).isTrue();
                Simulator.CaseResult result = Simulator.runCase(testCase);
                assertThat(result.pass()).as("%s%n  got: %s%n  expected: %s", name, result.json(), testCase.get("expect"))
                        .isTrue();
            }));
        }
        return tests.stream();
    }

    private static List<Path> files(Path folder) {
        assertThat(folder).as("corpus folder %s", folder.toAbsolutePath()).isDirectory();
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode root = Simulator.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(root.path("cases").isArray()).as("%s has a `cases` array", file).isTrue();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
