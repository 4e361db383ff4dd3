package io.jgym.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes no well-behaved HTTP client would (a bad percent-encoding, a body cut short, a
 * huge header) over a plain socket and reads the raw answer, for the Jetty-level error tests.
 */
final class RawHttp {
    /** Status and body of a raw answer. */
    record Answer(int status, String headers, String body) {
    }

    private RawHttp() {
    }

    /** Writes {@code request}, optionally half-closes, and reads the answer until the server closes or sends it all. */
    static Answer exchange(int port, String request, boolean halfClose) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
        }
    }

    /** Whether a Content-Length answer has fully arrived. */
    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        for (String line : text.substring(0, split).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return text.length() - split - 4 >= Integer.parseInt(line.substring(15).strip());
            }
        }
        return false;
    }
}
