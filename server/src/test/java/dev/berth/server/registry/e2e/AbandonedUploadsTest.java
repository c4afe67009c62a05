package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.service.UploadService;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thousands of abandoned uploads (registry.md sections 6 and 7): 2000 sessions opened and never
 * finished leave the server healthy, the per-repository limit answers 429 {@code TOOMANYREQUESTS}
 * saying what to do, and expiry after 24 idle hours removes every one of them, rows and files.
 */
abstract class AbandonedUploadsTest extends RunningRegistry {
    private static final String REPOSITORY = "library/abandoned";
    private static final String OTHER = "library/abandoned-other";
    private static final int STARTS = 2000;
    private final ShiftedClock clock = new ShiftedClock();

    @Override
    Clock clock() {
        return clock;
    }

    @Test
    void abandonedUploadsAreBoundedPerRepositoryAndExpire() throws Exception {
        RobustHttp client = registry.bearer(REPOSITORY, OTHER);
        List<Answer> answers = startUploads(client, STARTS);
        List<Answer> accepted = answers.stream().filter(answer -> answer.status() == 202).toList();
        List<Answer> refused = answers.stream().filter(answer -> answer.status() != 202).toList();
        assertThat(accepted).hasSize(UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY);
        assertThat(refused).hasSize(STARTS - UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY).allSatisfy(answer -> {
            assertThat(answer.status()).as("%s", answer).isEqualTo(429);
            assertThat(answer.errorCode()).isEqualTo("TOOMANYREQUESTS");
            assertThat(answer.errorMessage()).contains("`" + REPOSITORY + "`", "open uploads", "finish or cancel");
        });

        assertThat(client.get("/healthz").status()).isEqualTo(200);
        client.pushBlob(OTHER, TestImages.randomBytes(new Random(5), 4096));
        String first = accepted.getFirst().header("Location").orElseThrow();
        assertThat(client.get(first).status()).isEqualTo(204);
        assertThat(sessionFolders()).hasSize(UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY);

        clock.shift(Duration.ofHours(25));
        UploadService.Expiry expiry = started.server().expireIdleUploads();
        clock.shift(Duration.ZERO);
        assertThat(expiry).isEqualTo(new UploadService.Expiry(UploadService.MAX_OPEN_UPLOADS_PER_REPOSITORY, 0));
        assertThat(sessionFolders()).isEmpty();

        RobustHttp fresh = registry.bearer(REPOSITORY);
        Answer gone = fresh.get(first);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
        String again = fresh.startUpload(REPOSITORY);
        assertThat(fresh.get(again).status()).isEqualTo(204);
        assertThat(started.server().expireIdleUploads()).isEqualTo(new UploadService.Expiry(0, 0));
        assertThat(fresh.get(again).status()).as("a session that is not idle stays").isEqualTo(204);
    }

    /** {@code count} POSTs from a few threads at once; the answers in no particular order. */
    private static List<Answer> startUploads(RobustHttp client, int count) throws Exception {
        List<Future<Answer>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> client.send("POST", "/v2/" + REPOSITORY + "/blobs/uploads/", Map.of(),
                        BodyPublishers.noBody())));
            }
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    /** The session folders of every instance's blob store. */
    private List<Path> sessionFolders() throws IOException {
        List<Path> sessions = new ArrayList<>();
        try (Stream<Path> instances = Files.list(folder.resolve("data").resolve("blobs"))) {
            for (Path instance : instances.toList()) {
                Path uploads = instance.resolve("uploads");
                if (Files.isDirectory(uploads)) {
                    try (Stream<Path> entries = Files.list(uploads)) {
                        sessions.addAll(entries.toList());
                    }
                }
            }
        }
        return sessions;
    }
}
