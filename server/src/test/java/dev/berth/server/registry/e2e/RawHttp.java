package dev.berth.server.registry.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP/1.1 exchange written by hand on a socket, for requests {@code java.net.http} refuses to send:
 * a body shorter than its {@code Content-Length}, a body that stalls or trickles.
 */
final class RawHttp implements AutoCloseable {
    private final URI base;
    private final Socket socket;
    private final OutputStream out;

    private RawHttp(URI base, Socket socket) throws IOException {
        this.base = base;
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    static RawHttp open(URI base, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        return new RawHttp(base, socket);
    }

    /** Writes the request line and headers ({@code Host} of the base opened and {@code Connection: close} added). */
    void head(String method, String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Ends the request side: the server reads end of input where it expected more body. */
    void halfClose() throws IOException {
        socket.shutdownOutput();
    }

    /** Whatever the server writes until it closes the connection; empty when it closed without a word. */
    String readAll() throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server neither answered nor closed within the read timeout; so far: "
                    + answer.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            if (answer.size() == 0) {
                return "";
            }
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status of a response read by {@link #readAll}, or 0 when there was none. */
    static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ")) {
            return 0;
        }
        return Integer.parseInt(response.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
