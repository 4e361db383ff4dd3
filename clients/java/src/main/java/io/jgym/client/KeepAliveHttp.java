package io.jgym.client;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over one persistent socket with TCP_NODELAY, built for the
 * request-response ping-pong of an RL loop: thousands of tiny JSON requests a second, one at a time.
 * {@code java.net.http.HttpClient} spends more time in its executors than the server spends
 * stepping an environment. It reads Content-Length, chunked and close-delimited bodies, so it also
 * works against the original Flask server, which closes the connection after every response.
 * Not for large or concurrent traffic; calls are serialised.
 */
final class KeepAliveHttp implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    /** A response: status code and body bytes. */
    record Response(int status, byte[] bytes) {
        /** The body as UTF-8 text. */
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int readTimeoutMillis;
    private final String authorization;
    private final byte[] buffer = new byte[16 * 1024];
    private int bufferStart;
    private int bufferEnd;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** @param authorization the Authorization header's value for every request, or null for none */
    KeepAliveHttp(URI base, int readTimeoutMillis, String authorization) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("only http:// servers are supported, got " + base);
        }
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 80 : base.getPort();
        this.hostHeader = host + ":" + port;
        this.readTimeoutMillis = readTimeoutMillis;
        this.authorization = authorization;
    }

    /** Sends one request (body may be null) and reads the whole response. */
    Response send(String method, String path, String jsonBody) throws IOException {
        return send(method, path, jsonBody == null ? null : "application/json", null,
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one request with a body of {@code contentType} (both may be null) and an {@code Accept}
     * header when {@code accept} is not null, and reads the whole response.
     */
    synchronized Response send(String method, String path, String contentType, String accept, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, path, contentType, accept, body);
        } catch (EOFException e) {
            // The server closed an idle kept-alive connection before reading our request: retry once.
            closeSocket();
            if (!reused) {
                throw e;
            }
            return exchange(method, path, contentType, accept, body);
        } catch (IOException e) {
            closeSocket();
            throw e;
        }
    }

    private Response exchange(String method, String path, String contentType, String accept, byte[] requestBody) throws IOException {
        if (socket == null) {
            connect();
        }
        byte[] body = requestBody == null ? new byte[0] : requestBody;
        StringBuilder head = new StringBuilder(128)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (accept != null) {
            head.append("Accept: ").append(accept).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (requestBody != null || !"GET".equals(method)) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return readResponse(method);
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.setSoTimeout(readTimeoutMillis);
        s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        socket = s;
        in = s.getInputStream();
        out = new BufferedOutputStream(s.getOutputStream(), 8 * 1024);
        bufferStart = 0;
        bufferEnd = 0;
    }

    private Response readResponse(String method) throws IOException {
        String statusLine = readLine(true);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        boolean keepAlive = parts[0].equals("HTTP/1.1");
        long contentLength = -1;
        boolean chunked = false;
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> keepAlive = !value.equalsIgnoreCase("close") && (keepAlive || value.equalsIgnoreCase("keep-alive"));
                default -> { }
            }
        }
        byte[] body;
        if (status == 204 || status == 304 || status / 100 == 1 || "HEAD".equals(method)) {
            body = new byte[0];
        } else if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = readBytes((int) contentLength);
        } else {
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(buffer, bufferStart, bufferEnd - bufferStart);
            bufferStart = bufferEnd;
            in.transferTo(rest);
            body = rest.toByteArray();
            keepAlive = false;
        }
        if (!keepAlive) {
            closeSocket();
        }
        return new Response(status, body);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailers are ignored
                }
                return chunks.toByteArray();
            }
            chunks.write(readBytes(size));
            readLine(false);
        }
    }

    /** One CRLF-terminated line; at the start of a response, EOF means the server closed the connection. */
    private String readLine(boolean firstOfResponse) throws IOException {
        StringBuilder line = null;
        while (true) {
            for (int i = bufferStart; i < bufferEnd; i++) {
                if (buffer[i] == '\n') {
                    int end = i > bufferStart && buffer[i - 1] == '\r' ? i - 1 : i;
                    String piece = new String(buffer, bufferStart, end - bufferStart, StandardCharsets.ISO_8859_1);
                    bufferStart = i + 1;
                    return line == null ? piece : line.append(piece).toString();
                }
            }
            if (line == null) {
                line = new StringBuilder(64);
            }
            line.append(new String(buffer, bufferStart, bufferEnd - bufferStart, StandardCharsets.ISO_8859_1));
            if (!fill()) {
                if (firstOfResponse && line.length() == 0) {
                    throw new EOFException("server closed the connection");
                }
                throw new IOException("connection closed in the middle of a response");
            }
        }
    }

    /** Exactly {@code n} body bytes, from the buffer first. */
    private byte[] readBytes(int n) throws IOException {
        byte[] out = new byte[n];
        int have = Math.min(n, bufferEnd - bufferStart);
        System.arraycopy(buffer, bufferStart, out, 0, have);
        bufferStart += have;
        while (have < n) {
            int read = in.read(out, have, n - have);
            if (read < 0) {
                throw new IOException("connection closed after " + have + " of " + n + " body bytes");
            }
            have += read;
        }
        return out;
    }

    /** Refills the empty buffer from the socket; false at end of stream. */
    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        bufferStart = 0;
        bufferEnd = Math.max(read, 0);
        return read > 0;
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket we are abandoning; nothing to recover
            }
            socket = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSocket();
    }
}
