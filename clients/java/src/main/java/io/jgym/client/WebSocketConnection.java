package io.jgym.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * A minimal RFC 6455 WebSocket client over one blocking socket with TCP_NODELAY, for
 * {@link SocketVectorEnv}'s request-answer loop: one message out, one message in, on the calling
 * thread. {@code java.net.http.WebSocket} hands every message through executors and futures, which
 * in a tight loop costs more than HTTP/1.1 keep-alive does. Handles fragmented messages, pings and
 * the server's close; no extensions, no subprotocols. Not thread-safe.
 */
final class WebSocketConnection implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int TEXT = 1;
    private static final int BINARY = 2;
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private static final int PONG = 10;

    /** One received message: text (UTF-8) or binary. */
    record Message(boolean text, byte[] data) {
        String asText() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** The server refused the upgrade with an HTTP answer; {@code body} is what it sent. */
    static final class Refused extends IOException {
        private final int status;
        private final String body;

        Refused(int status, String body) {
            super("HTTP " + status + " instead of a WebSocket upgrade");
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        String body() {
            return body;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom masks = new SecureRandom();
    private final byte[] mask = new byte[4];
    private boolean closed;

    private WebSocketConnection(Socket socket, DataInputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /** Connects to {@code base} (an {@code http://} URL) and upgrades {@code path}; {@code authorization} may be null. */
    static WebSocketConnection open(URI base, String path, String authorization, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMillis);
            int port = base.getPort() < 0 ? 80 : base.getPort();
            socket.connect(new InetSocketAddress(base.getHost(), port), CONNECT_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            byte[] nonce = new byte[16];
            new SecureRandom().nextBytes(nonce);
            String key = Base64.getEncoder().encodeToString(nonce);
            StringBuilder request = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(port).append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Key: ").append(key).append("\r\nSec-WebSocket-Version: 13\r\n");
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            handshake(in, key);
            return new WebSocketConnection(socket, in, out);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads the upgrade answer: 101 with the right accept key, or the refusal's status and body. */
    private static void handshake(DataInputStream in, String key) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        int code = parts.length >= 2 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
        String accept = null;
        int contentLength = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("sec-websocket-accept")) {
                    accept = value;
                } else if (name.equals("content-length")) {
                    contentLength = Integer.parseInt(value);
                }
            }
        }
        if (code != 101) {
            byte[] body = new byte[Math.max(0, contentLength)];
            in.readFully(body);
            throw new Refused(code, new String(body, StandardCharsets.UTF_8));
        }
        if (!acceptFor(key).equals(accept)) {
            throw new IOException("the server's Sec-WebSocket-Accept does not match the key sent");
        }
    }

    private static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    private static String line(DataInputStream in) throws IOException {
        StringBuilder out = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection during the WebSocket handshake");
            }
            if (b == '\n') {
                int end = out.length();
                return end > 0 && out.charAt(end - 1) == '\r' ? out.substring(0, end - 1) : out.toString();
            }
            out.append((char) b);
        }
    }

    void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBinary(byte[] data) throws IOException {
        send(BINARY, data);
    }

    /** Writes one masked, unfragmented frame. */
    private void send(int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        int n = payload.length;
        if (n < 126) {
            out.write(0x80 | n);
        } else if (n <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift));
            }
        }
        masks.nextBytes(mask);
        out.write(mask);
        byte[] masked = new byte[n];
        for (int i = 0; i < n; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(masked);
        out.flush();
    }

    /** The next data message, answering pings on the way; a close from the server is an {@link EOFException}. */
    Message receive() throws IOException {
        ByteArrayOutputStream message = null;
        int messageType = 0;
        while (true) {
            int head = in.readUnsignedByte();
            boolean fin = (head & 0x80) != 0;
            int opcode = head & 0x0F;
            int second = in.readUnsignedByte();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new IOException("WebSocket frame of " + length + " bytes is too large");
            }
            byte[] frameMask = null;
            if ((second & 0x80) != 0) {
                frameMask = new byte[4];
                in.readFully(frameMask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if (frameMask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= frameMask[i & 3];
                }
            }
            if (opcode == PING) {
                send(PONG, payload);
            } else if (opcode == CLOSE) {
                closed = true;
                socket.close();
                throw new EOFException("the server closed the WebSocket" + (payload.length > 2
                        ? ": " + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : ""));
            } else if (opcode != PONG) {
                if (opcode != 0) {
                    messageType = opcode;
                    message = new ByteArrayOutputStream(payload.length);
                }
                if (message == null) {
                    throw new IOException("WebSocket continuation frame without a message");
                }
                message.write(payload);
                if (fin) {
                    return new Message(messageType == TEXT, message.toByteArray());
                }
            }
        }
    }

    /** Sends a close frame and closes the socket; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            send(CLOSE, new byte[] {0x03, (byte) 0xE8});
        } catch (IOException e) {
            // The connection is going away either way.
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing left to release.
            }
        }
    }
}
