package dev.berth.server.rpc.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.Client;
import com.aliyun.ram20150501.models.GetUserRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures as the SDKs make them, against the running server: a request captured on the wire and
 * sent again is refused ({@code SignatureNonceUsed}), and a client whose clock is 20 minutes off the
 * server's is refused ({@code InvalidTimeStamp.Expired}), both by the ram20150501 SDK's own signing.
 */
class ReplayAndClockSkewTest {
    @TempDir
    Path folder;

    @Test
    void aCapturedRequestSentAgainIsRefusedAsAReplay() throws Exception {
        try (TestServers.Started started = TestServers.start(folder, TestServers.Backend.H2);
             CapturingProxy proxy = CapturingProxy.start(started.server().uri().getPort())) {
            Client account = new Client(SdkCalls.config("127.0.0.1:" + proxy.port(), started.accessKeyId(),
                    started.accessKeySecret(), null));
            account.createUser(new CreateUserRequest().setUserName("once"));
            byte[] captured = proxy.firstRequest();
            assertThat(new String(captured, StandardCharsets.ISO_8859_1)).contains("CreateUser");

            String answer = send(started.server().uri().getPort(), captured);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"Code\":\"SignatureNonceUsed\"");
        }
    }

    @Test
    void aClientTwentyMinutesBehindTheServerIsRefused() throws Exception {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        try (TestServers.Started started = TestServers.start(folder, TestServers.Backend.H2, ahead)) {
            Client account = new Client(SdkCalls.config(started.endpoint(), started.accessKeyId(), started.accessKeySecret(), null));
            assertThat(SdkCalls.refusal(() -> account.getUser(new GetUserRequest().setUserName("anyone"))))
                    .isEqualTo("InvalidTimeStamp.Expired");
        }
    }

    private static String send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            byte[] buffer = new byte[8192];
            int read = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
        }
    }

    /** A loopback proxy that forwards to the server and keeps the bytes of the first request it carried. */
    private static final class CapturingProxy implements AutoCloseable {
        private final ServerSocket listener;
        private final int target;
        private final ByteArrayOutputStream first = new ByteArrayOutputStream();
        private final Thread acceptor;

        private CapturingProxy(ServerSocket listener, int target) {
            this.listener = listener;
            this.target = target;
            this.acceptor = Thread.ofVirtual().start(this::accept);
        }

        static CapturingProxy start(int target) throws IOException {
            return new CapturingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
        }

        int port() {
            return listener.getLocalPort();
        }

        /** The first request's bytes: its head and its body, by {@code Content-Length} or to the last chunk. */
        byte[] firstRequest() {
            synchronized (first) {
                byte[] bytes = first.toByteArray();
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                int headEnd = text.indexOf("\r\n\r\n") + 4;
                int end = headEnd;
                for (String line : text.substring(0, headEnd).split("\r\n")) {
                    String lower = line.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        end = headEnd + Integer.parseInt(line.substring(15).trim());
                    }
                    if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        end = text.indexOf("0\r\n\r\n", headEnd) + 5;
                    }
                }
                byte[] request = new byte[end];
                System.arraycopy(bytes, 0, request, 0, request.length);
                return request;
            }
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = listener.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    Thread.ofVirtual().start(() -> pipe(client, server, true));
                    Thread.ofVirtual().start(() -> pipe(server, client, false));
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void pipe(Socket from, Socket to, boolean record) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (record) {
                        synchronized (first) {
                            first.write(buffer, 0, read);
                        }
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // a side closed
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            acceptor.interrupt();
        }
    }
}
