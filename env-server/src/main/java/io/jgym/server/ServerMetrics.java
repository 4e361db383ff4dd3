package io.jgym.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The server's Prometheus metrics, through Micrometer, under the names a Grafana user expects:
 * {@code http_server_requests_seconds} by method, route template and status (Spring Boot's name),
 * {@code jgym_step_seconds} (a histogram of step handling time), {@code jgym_instances} (live),
 * {@code jgym_instances_evicted_total}, {@code jgym_monitor_written_bytes_total}, {@code jgym_monitor_disk_bytes},
 * {@code jgym_monitor_recordings_cut_total}, plus the usual JVM and process metrics. One registry
 * per server, so servers in one JVM (tests) never share counts.
 */
final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Request timers by method, route and status; looked up here first, since registering is slow. */
    private final Map<String, Timer> requests = new ConcurrentHashMap<>();
    private final Timer steps;
    private final Counter evictions;
    private final Counter monitorBytes;
    private final Counter recordingsCut;
    private final AtomicLong monitorBytesHeld = new AtomicLong();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics(IntSupplier liveInstances) {
        steps = Timer.builder("jgym.step").description("Time to handle POST /v1/envs/<id>/step/")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
        evictions = Counter.builder("jgym.instances.evicted").description("Instances closed for being idle").register(registry);
        monitorBytes = Counter.builder("jgym.monitor.written").baseUnit("bytes")
                .description("Bytes of recorded episodes written by monitors").register(registry);
        recordingsCut = Counter.builder("jgym.monitor.recordings.cut")
                .description("Recordings ended early by a frame, byte or disk limit").register(registry);
        Gauge.builder("jgym.instances", liveInstances::getAsInt).description("Live environment instances").register(registry);
        Gauge.builder("jgym.monitor.disk", monitorBytesHeld::get).baseUnit("bytes")
                .description("Bytes of recordings counted against --max-monitor-bytes").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Counts one answered request under its route template (not the raw path, so ids do not explode the series). */
    void request(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        Timer timer = requests.get(key);
        if (timer == null) {
            timer = requests.computeIfAbsent(key, k -> Timer.builder("http.server.requests").tag("method", method)
                    .tag("uri", route).tag("status", Integer.toString(status)).register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    void step(long nanos) {
        steps.record(nanos, TimeUnit.NANOSECONDS);
    }

    void evicted(int count) {
        evictions.increment(count);
    }

    void monitorWrote(long bytes) {
        monitorBytes.increment(bytes);
    }

    void recordingCut() {
        recordingsCut.increment();
    }

    /** The gauge behind {@code jgym_monitor_disk_bytes}, shared with the monitor quota. */
    AtomicLong monitorBytesHeld() {
        return monitorBytesHeld;
    }

    /** The Prometheus text exposition. */
    String scrape() {
        return registry.scrape();
    }

    void close() {
        gc.close();
        registry.close();
    }
}
