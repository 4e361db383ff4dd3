package io.jgym.sweeps.report;

import io.jgym.contracts.files.AtomicFiles;
import io.jgym.sweeps.SweepSpec;
import io.jgym.sweeps.stats.Interval;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a sweep's report into its folder: {@code summary.csv} (one row per configuration: runs,
 * scored runs, then each aggregate with its interval), {@code runs.csv} (one row per run), the PNGs of
 * {@link SweepCharts} and {@code report.html} showing them with the table of runs that do not count.
 */
public final class SweepReport {
    public static final String SUMMARY = "summary.csv";
    public static final String RUNS = "runs.csv";
    public static final String HTML = "report.html";

    private SweepReport() {
    }

    /** Writes every file of the report of {@code summary} into the sweep's folder. */
    public static void write(SweepSummary summary) {
        Path folder = summary.plan().folder();
        AtomicFiles.writeString(folder.resolve(SUMMARY), summaryCsv(summary));
        AtomicFiles.writeString(folder.resolve(RUNS), runsCsv(summary));
        List<String> pictures = new SweepCharts(summary).write(folder);
        AtomicFiles.writeString(folder.resolve(HTML), html(summary, pictures));
    }

    static String summaryCsv(SweepSummary summary) {
        StringBuilder csv = new StringBuilder("configuration,settings,runs,scored");
        SweepSummary.AGGREGATES.forEach(a -> csv.append(',').append(a.name().toLowerCase(Locale.ROOT)).append(',')
                .append(a.name().toLowerCase(Locale.ROOT)).append("_low,").append(a.name().toLowerCase(Locale.ROOT)).append("_high"));
        csv.append('\n');
        for (SweepSummary.ConfigurationRow row : summary.configurations()) {
            csv.append(row.configuration().id()).append(',').append(quote(row.configuration().describe())).append(',').append(row.runs())
                    .append(',').append(row.scored());
            for (int a = 0; a < SweepSummary.AGGREGATES.size(); a++) {
                if (row.estimates().isEmpty()) {
                    csv.append(",,,");
                } else {
                    Interval interval = row.estimates().get(a);
                    csv.append(',').append(interval.estimate()).append(',').append(interval.lower()).append(',').append(interval.upper());
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String runsCsv(SweepSummary summary) {
        StringBuilder csv = new StringBuilder("run,configuration,task,seed,state,episodes,score,host,seconds,message\n");
        for (RunRow row : summary.runs()) {
            csv.append(row.run().name()).append(',').append(row.run().configuration()).append(',').append(quote(row.run().task().orElse("")))
                    .append(',').append(row.run().seed()).append(',').append(row.state()).append(',').append(row.episodes()).append(',')
                    .append(row.score().score().isPresent() ? String.valueOf(row.score().score().getAsDouble()) : "").append(',')
                    .append(quote(row.host())).append(',').append(String.format(Locale.ROOT, "%.1f", row.seconds())).append(',')
                    .append(quote(row.message())).append('\n');
        }
        return csv.toString();
    }

    private static String html(SweepSummary summary, List<String> pictures) {
        SweepSpec spec = summary.plan().spec();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>sweep ").append(escape(spec.name()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}</style>"
                        + "</head><body>\n");
        html.append("<h1>Sweep ").append(escape(spec.name())).append(": ").append(escape(spec.trainer())).append("</h1>\n<p>")
                .append(summary.runs().size()).append(" runs; score: mean of <code>").append(escape(spec.metric())).append("</code> over the last ")
                .append(spec.lastEpisodes()).append(" episodes that reported it. Intervals: 95% stratified bootstrap (")
                .append(String.format("%,d", spec.bootstrapReps())).append(" resamples, percentile method, as rliable).</p>\n");
        html.append("<table><tr><th>configuration</th><th>settings</th><th>scored / runs</th>");
        SweepSummary.AGGREGATES.forEach(a -> html.append("<th>").append(a.label()).append(" [95% CI]</th>"));
        html.append("</tr>\n");
        for (SweepSummary.ConfigurationRow row : summary.configurations()) {
            html.append("<tr><td>").append(escape(row.configuration().id())).append("</td><td>").append(escape(row.configuration().describe()))
                    .append("</td><td>").append(row.scored()).append(" / ").append(row.runs()).append("</td>");
            for (int a = 0; a < SweepSummary.AGGREGATES.size(); a++) {
                html.append("<td>").append(row.estimates().isEmpty() ? "-" : row.estimates().get(a).format("%.3f")).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        for (String picture : pictures) {
            html.append("<p><img src=\"").append(picture).append("\" alt=\"").append(picture).append("\"></p>\n");
        }
        List<RunRow> unscored = summary.unscored();
        html.append("<h2>Runs that do not count (").append(unscored.size()).append(")</h2>\n");
        if (!unscored.isEmpty()) {
            html.append("<table><tr><th>run</th><th>state</th><th>episodes</th><th>host</th><th>why</th></tr>\n");
            for (RunRow row : unscored) {
                html.append("<tr><td><a href=\"").append(escape(row.run().name())).append("/train.log\">").append(escape(row.run().name()))
                        .append("</a></td><td>").append(row.state()).append("</td><td>").append(row.episodes()).append("</td><td>")
                        .append(escape(row.host())).append("</td><td>").append(escape(row.message().isEmpty() ? "no " + spec.metric() + " reported"
                                : row.message())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<p>Every run: <a href=\"").append(RUNS).append("\">").append(RUNS).append("</a>; per configuration: <a href=\"")
                .append(SUMMARY).append("\">").append(SUMMARY).append("</a>.</p>\n</body></html>\n");
        return html.toString();
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
