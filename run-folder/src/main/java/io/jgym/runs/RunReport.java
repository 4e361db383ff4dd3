package io.jgym.runs;

import io.jgym.contracts.files.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code report.html}: a self-contained page a person can open from the run folder, with the
 * learning curve, the last episode's metrics, the run's {@code config.json} and how to open its
 * TensorBoard event file.
 */
public final class RunReport {
    private RunReport() {
    }

    /** Writes the report for {@code run} from its metrics and config. */
    public static void write(RunFolder run, MetricsTable table) {
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html><head><meta charset="utf-8"><title>jgym run %s</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:960px}td,th{padding:2px 10px;text-align:left}
                pre{background:#f4f4f4;padding:1em;overflow:auto}</style></head><body>
                <h1>jgym run <code>%s</code></h1>
                <p><img src="%s" alt="learning curve" style="max-width:100%%"></p>
                """.formatted(escape(run.root().getFileName().toString()), escape(run.root().getFileName().toString()),
                run.learningCurve().getFileName()));
        if (!table.rows().isEmpty()) {
            double[] last = table.rows().get(table.rows().size() - 1);
            html.append("<h2>Last episode</h2><table>");
            for (int i = 0; i < table.columns().size(); i++) {
                html.append("<tr><th>").append(escape(table.columns().get(i))).append("</th><td>")
                        .append(Double.isNaN(last[i]) ? "" : String.format("%.6g", last[i])).append("</td></tr>");
            }
            html.append("</table>");
        }
        try {
            String config = Files.readString(run.root().resolve(RunFolder.CONFIG_FILE), StandardCharsets.UTF_8);
            html.append("<h2>config.json</h2><pre>").append(escape(config)).append("</pre>");
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the config of " + run.root(), e);
        }
        html.append("<p>Every row: <a href=\"metrics.csv\">metrics.csv</a>. In TensorBoard, with the trainer's pictures:"
                + " <code>tensorboard --logdir .</code> in this folder.</p></body></html>\n");
        AtomicFiles.writeString(run.report(), html.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
