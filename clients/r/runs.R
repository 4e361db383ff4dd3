# Training runs on a jgym server started with --allow-runs, from R: start a run of any trainer,
# follow its status and metrics (a data.frame), wait for it, stop or resume it and fetch its files.
# The same names as the Python client (clients/python/jgym_runs.py); the routes are in
# docs/http-api.md ("Training runs"). Uses gym.R's client, so source both:
#   source("clients/r/gym.R"); source("clients/r/runs.R")
#   client <- create_GymClient("http://127.0.0.1:5000")
#   id <- run_create(client, "sine-gan", config = list(epochs = 200), seed = 1)
#   status <- run_wait(client, id)
#   metrics <- run_metrics(client, id)          # one row per epoch, NA where nothing was measured
#   picture <- run_image(client, id, "snapshots/epoch-00200.png")   # needs the png package
# A config value meant as a list of one number is written I(64) or list(64); a bare 64 is a number.
# Server errors stop with the server's message (class gym_server_error, with status_code).

if (!exists("create_GymClient")) stop("source gym.R before runs.R", call. = FALSE)

runs_ended <- c("finished", "stopped", "failed")

runs_request <- function(x, method, route, data = NULL, as = "parsed") {
  url <- paste0(x$remote_base, route)
  body <- if (is.null(data)) NULL else jsonlite::toJSON(data, auto_unbox = TRUE, null = "null", digits = NA)
  response <- tryCatch(
    switch(method,
           GET = httr::GET(url, gym_auth(x)),
           POST = httr::POST(url, body = body, httr::content_type_json(), gym_auth(x)),
           DELETE = httr::DELETE(url, gym_auth(x))),
    error = function(e) stop("Cannot reach the jgym server at ", x$remote_base, " (", conditionMessage(e),
                             "); is it running with --allow-runs?", call. = FALSE))
  if (as == "raw" && httr::status_code(response) < 300) {
    return(httr::content(response, as = "raw"))
  }
  gym_parse_response(x, response)
}

runs_route <- function(run_id, rest = "") paste0("/v1/runs/", utils::URLencode(run_id, reserved = TRUE), rest)

# An empty config must travel as {} (jsonlite writes an empty list as []).
runs_object <- function(config) if (length(config) == 0) structure(list(), names = character(0)) else config

run_trainers <- function(x) runs_request(x, "GET", "/v1/trainers")[["trainers"]]

run_create <- function(x, trainer, preset = NULL, config = NULL, name = NULL, seed = NULL) {
  data <- list(trainer = trainer, config = runs_object(config))
  if (!is.null(preset)) data$preset <- preset
  if (!is.null(name)) data$name <- name
  if (!is.null(seed)) data$seed <- seed
  runs_request(x, "POST", "/v1/runs/", data)[["run_id"]]
}

run_list <- function(x) runs_request(x, "GET", "/v1/runs/")[["runs"]]

run_status <- function(x, run_id) runs_request(x, "GET", runs_route(run_id))

# The metrics rows from episode `since` on as a data.frame: episode, total_steps and one column per
# metric the trainer declared (NA where an episode did not measure it).
run_metrics <- function(x, run_id, since = 0) {
  columns <- NULL
  rows <- list()
  repeat {
    page <- runs_request(x, "GET", runs_route(run_id, paste0("/metrics?since=", format(since, scientific = FALSE))))
    columns <- unlist(page$columns)
    if (length(page$rows) == 0) break
    rows <- c(rows, page$rows)
    since <- page[["next"]]
  }
  if (is.null(columns)) columns <- c("episode", "total_steps")
  frame <- as.data.frame(lapply(stats::setNames(columns, columns), function(column) {
    vapply(rows, function(row) { v <- row[[column]]; if (is.null(v)) NA_real_ else as.numeric(v) }, numeric(1))
  }), check.names = FALSE)
  frame
}

run_wait <- function(x, run_id, timeout = Inf, poll_seconds = 1) {
  deadline <- Sys.time() + timeout
  repeat {
    status <- run_status(x, run_id)
    if (status$state %in% runs_ended) return(status)
    if (Sys.time() >= deadline) stop("run ", run_id, " is still ", status$state, " after ", timeout, " s", call. = FALSE)
    Sys.sleep(poll_seconds)
  }
}

run_stop <- function(x, run_id) runs_request(x, "POST", runs_route(run_id, "/stop"), list())[["state"]]

run_resume <- function(x, run_id, config = NULL) {
  runs_request(x, "POST", runs_route(run_id, "/resume"), list(config = runs_object(config)))[["state"]]
}

run_delete <- function(x, run_id) invisible(runs_request(x, "DELETE", runs_route(run_id)))

# The bytes of a file of the run's folder; with `to`, also written there.
run_file <- function(x, run_id, path, to = NULL) {
  bytes <- runs_request(x, "GET", runs_route(run_id, paste0("/files/", utils::URLencode(path))), as = "raw")
  if (!is.null(to)) writeBin(bytes, to)
  bytes
}

# A PNG of the run's folder (a sample, a snapshot, the learning curve) as png::readPNG reads it.
run_image <- function(x, run_id, path) {
  if (!requireNamespace("png", quietly = TRUE)) {
    stop("run_image needs the png package (Debian: r-cran-png); run_file() gives the bytes", call. = FALSE)
  }
  png::readPNG(run_file(x, run_id, path))
}
