package io.jgym.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a bad percent-encoding, an oversized header, a malformed request line)
 * in the server's shape, {@code {"message": ...}} as JSON, instead of Jetty's HTML page. The message
 * is the status's reason; no stack trace, cause or server detail is ever included.
 */
final class JsonErrorHandler extends ErrorHandler {
    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    /** Jetty writes an error body only for GET, POST and HEAD by default; every method gets one here. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty drops the connection after such an error; saying so stops keep-alive clients reusing it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        String text = switch (status) {
            case 400 -> "Bad request: the request line, a header or the path is malformed (for example a bad percent-encoding)";
            case 413 -> "Request body too large";
            case 414 -> "Request path too long";
            case 431 -> "Request headers too large";
            default -> "Request refused (" + status + ")";
        };
        return FlaskJson.write(Map.of("message", text)).getBytes(StandardCharsets.US_ASCII);
    }
}
