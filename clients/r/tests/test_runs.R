# Tests of the R runs client against a live jgym server started with --allow-runs (URL in
# JGYM_RUNS_SERVER); its runs are real `jgym train` children of the q-learning plugin. Run by the
# JUnit test RRunsTest.
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "..", "gym.R"))
source(file.path(here, "..", "runs.R"))

server <- Sys.getenv("JGYM_RUNS_SERVER")
if (!nzchar(server)) stop("set JGYM_RUNS_SERVER", call. = FALSE)
client <- create_GymClient(server)
checks <- 0
check <- function(ok, what) {
  if (!isTRUE(ok)) stop("FAILED: ", what, call. = FALSE)
  checks <<- checks + 1
}
wait_until <- function(condition, what, seconds = 60) {
  deadline <- Sys.time() + seconds
  while (!condition()) {
    if (Sys.time() > deadline) stop("FAILED: timed out waiting until ", what, call. = FALSE)
    Sys.sleep(0.05)
  }
}

trainers <- run_trainers(client)
names(trainers) <- vapply(trainers, function(t) t$name, character(1))
check(identical(trainers[["q-learning"]]$presets$default$episodes, 5000L), "the preset's episodes")

refused <- tryCatch({ run_create(client, "q-learning", config = list(learningRat = 0.5)); NULL },
                    gym_server_error = function(e) e)
check(!is.null(refused) && refused$status_code == 400 && grepl("Unknown config key 'learningRat'", conditionMessage(refused)),
      "a bad config key is refused with its name")

# A budget no test waits for: the run ends when it is stopped.
id <- run_create(client, "q-learning", config = list(episodes = 50000000, checkpointEvery = 100000000), name = "from-r", seed = 2)
check(identical(id, "from-r"), "the run id is the name given")
wait_until(function() run_status(client, id)$episodes > 0, "episodes are reported")
run_stop(client, id)
stopped <- run_wait(client, id, timeout = 60, poll_seconds = 0.05)
check(identical(stopped$state, "stopped"), paste("stopped, got", stopped$state))
check(stopped$config$seed == 2, "the seed given is the config's seed")
first <- stopped$episodes

run_resume(client, id)
wait_until(function() run_status(client, id)$episodes > first + 100, "the resumed run goes on")
run_stop(client, id)
again <- run_wait(client, id, timeout = 60, poll_seconds = 0.05)
check(identical(again$state, "stopped"), paste("stopped again, got", again$state))
metrics <- run_metrics(client, id)
check(is.data.frame(metrics) && nrow(metrics) == again$episodes, "one data.frame row per episode")
check(identical(metrics$episode, as.numeric(seq_len(again$episodes) - 1)), "episodes in order, none lost or repeated")
check(all(c("total_steps", "charts/episodic_return", "losses/td_error") %in% names(metrics)), "every metric is a column")
check(nrow(run_metrics(client, id, since = again$episodes - 10)) == 10, "metrics from an episode on")

bytes <- run_file(client, id, "learning-curve.png")
check(identical(bytes[2:4], charToRaw("PNG")), "a PNG file comes back as bytes")
if (requireNamespace("png", quietly = TRUE)) {
  picture <- run_image(client, id, "learning-curve.png")
  check(length(dim(picture)) == 3 && dim(picture)[1] > 100, "png::readPNG reads it")
}
check(id %in% vapply(run_list(client), function(r) r$id, character(1)), "listed")
run_delete(client, id)
check(!(id %in% vapply(run_list(client), function(r) r$id, character(1))), "deleted")
cat("R runs client: all", checks, "checks passed\n")
