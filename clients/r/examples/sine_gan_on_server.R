# Train the sine-wave GAN on a jgym server (started with --allow-runs) from R, then plot its losses
# and the waves it generates.
#   ./jgym serve --allow-runs
#   Rscript clients/r/examples/sine_gan_on_server.R [server] [epochs] [out.png]
# The run trains in its own process on the server; R starts it, follows its progress, reads its
# metrics as a data.frame and its newest snapshot of generated waves with png::readPNG (Debian:
# r-cran-png; without it only the losses are drawn).
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "..", "gym.R"))
source(file.path(here, "..", "runs.R"))

given <- commandArgs(trailingOnly = TRUE)
server <- if (length(given) >= 1) given[1] else "http://127.0.0.1:5000"
epochs <- if (length(given) >= 2) as.integer(given[2]) else 300L
out <- if (length(given) >= 3) given[3] else "sine-gan-on-server.png"

client <- create_GymClient(server)
id <- run_create(client, "sine-gan", config = list(epochs = epochs, trace = max(1L, epochs %/% 10L)), seed = 1)
cat("started run", id, "\n")
repeat {
  status <- run_status(client, id)
  cat(sprintf("%-8s %5d / %d epochs\n", status$state, status$episodes, epochs))
  if (status$state %in% runs_ended) break
  Sys.sleep(2)
}
if (status$state != "finished") stop("the run ended ", status$state, ": ", status$message, call. = FALSE)

metrics <- run_metrics(client, id)
cat(sprintf("epochs: %d, final MMD to the real waves: %.4f\n", nrow(metrics), utils::tail(stats::na.omit(metrics[["quality/mmd"]]), 1)))
snapshots <- Filter(function(f) grepl("^snapshots/.*\\.png$", f$path), status$files)
newest <- if (length(snapshots) > 0) snapshots[[1]]$path else NULL   # files are listed newest first

png(out, width = 1200, height = 480)
par(mfrow = c(1, 2))
plot(metrics$episode, metrics[["losses/discriminator"]], type = "l", col = "firebrick", xlab = "epoch", ylab = "loss",
     ylim = range(c(metrics[["losses/discriminator"]], metrics[["losses/generator"]]), na.rm = TRUE),
     main = paste("sine-gan run", id))
lines(metrics$episode, metrics[["losses/generator"]], col = "steelblue")
legend("topright", legend = c("discriminator", "generator"), col = c("firebrick", "steelblue"), lty = 1)
if (!is.null(newest) && requireNamespace("png", quietly = TRUE)) {
  waves <- run_image(client, id, newest)
  plot(c(0, 1), c(0, 1), type = "n", axes = FALSE, xlab = "", ylab = "", main = paste("generated waves,", newest))
  rasterImage(waves, 0, 0, 1, 1)
  cat("generated waves:", newest, sprintf("(%d x %d pixels)\n", dim(waves)[2], dim(waves)[1]))
} else {
  plot.new()
  title(if (is.null(newest)) "no snapshot yet" else "install r-cran-png to see the generated waves")
}
invisible(dev.off())
cat("wrote", out, "\n")
