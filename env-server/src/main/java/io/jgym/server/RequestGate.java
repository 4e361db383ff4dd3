package io.jgym.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What every request passes on its way to the routes: the bearer-token check (when the server has
 * a token), the count of requests in flight that a graceful stop waits on, and the request metrics
 * under the route template. A servlet filter, so it sees every request, matched or not, and its
 * final status, whatever a handler threw.
 */
final class RequestGate implements Filter {
    private final Optional<byte[]> token;
    private final ServerMetrics metrics;
    private final Function<String, String> routeOf;
    private final BiPredicate<String, String> open;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    /**
     * @param routeOf the route template of a request path ("/v1/envs/{id}/action_space"), for metric labels
     * @param open    which requests (method, path) need no token: the dashboard's static files
     */
    RequestGate(Optional<String> token, ServerMetrics metrics, Function<String, String> routeOf, BiPredicate<String, String> open) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.US_ASCII));
        this.metrics = metrics;
        this.routeOf = routeOf;
        this.open = open;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            if (authorized(req) || open.test(req.getMethod(), req.getRequestURI())) {
                chain.doFilter(request, response);
            } else {
                res.setStatus(401);
                res.setHeader("WWW-Authenticate", "Bearer");
                // The body is not read; closing the connection keeps a late body from being taken as a request.
                res.setHeader("Connection", "close");
                res.setContentType("application/json");
                res.getOutputStream().write(FlaskJson.write(Map.of("message",
                        "This server needs a token: send the header 'Authorization: Bearer <token>' with the token it was started with"))
                        .getBytes(StandardCharsets.US_ASCII));
            }
        } finally {
            metrics.request(req.getMethod(), routeOf.apply(req.getRequestURI()), res.getStatus(),
                    System.nanoTime() - start);
            if (inFlight.decrementAndGet() == 0 && draining) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private boolean authorized(HttpServletRequest req) {
        if (token.isEmpty()) {
            return true;
        }
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, token.get());
    }

    /**
     * Waits until no request is in flight, or {@code timeout} has passed; true when none is left.
     * Requests count themselves with an atomic counter and wake this waiter only while it drains,
     * so the hot path takes no lock.
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        draining = true;
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
