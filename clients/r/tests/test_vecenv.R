# Tests of the R vector-environment functions (vecenv.R) against a live jgym server (URL in
# JGYM_SERVER): a Gymnasium vector fixture replayed exactly, matrices of the right shape, errors.
# Run by the JUnit test RClientTest; or by hand:
#   JGYM_SERVER=http://127.0.0.1:5000 Rscript clients/r/tests/test_vecenv.R
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "..", "gym.R"))
source(file.path(here, "..", "vecenv.R"))

client <- create_GymClient(Sys.getenv("JGYM_SERVER", "http://127.0.0.1:5000"))
checks <- 0
check <- function(ok, what) {
  if (!isTRUE(ok)) stop("FAILED: ", what, call. = FALSE)
  checks <<- checks + 1
}
fixtures <- file.path(here, "..", "..", "..", "envs", "src", "test", "resources", "parity", "vector")
rows <- function(batch) do.call(rbind, lapply(batch, function(b) as.numeric(unlist(b))))

# Gymnasium's CartPole-v1 x 4 in same-step mode, first seed: every value equal to the last bit.
fixture <- jsonlite::fromJSON(file.path(fixtures, "CartPole-v1_n4_same_step.json"), simplifyVector = FALSE)
run <- fixture$runs[[1]]
id <- vecenv_create(client, "CartPole-v1", num_envs = 4, autoreset_mode = "same_step")
res <- vecenv_reset(client, id, seed = run$seed)
check(identical(dim(res$observations), c(4L, 4L)), "reset observations are a 4 x 4 matrix")
check(identical(res$observations, rows(run$reset$observations)), "reset observations match Gymnasium")
for (record in run$steps) {
  res <- vecenv_step(client, id, as.integer(unlist(record$actions)))
  at <- paste("t =", record$t)
  check(identical(res$observations, rows(record$observations)), paste(at, "observations"))
  check(identical(res$rewards, as.numeric(unlist(record$rewards))), paste(at, "rewards"))
  check(identical(res$terminations, as.logical(unlist(record$terminations))), paste(at, "terminations"))
  check(identical(res$truncations, as.logical(unlist(record$truncations))), paste(at, "truncations"))
  if (!is.null(record$infos$final_obs)) {
    check(identical(res$infos$`_final_obs`, record$infos$`_final_obs`), paste(at, "final_obs mask"))
  }
}
vecenv_close(client, id)

# Blackjack's tuple observations: one row per sub-environment, one column per component.
id <- vecenv_create(client, "Blackjack-v1", num_envs = 3, seed = 0)
res <- vecenv_reset(client, id)
check(identical(dim(res$observations), c(3L, 3L)), "tuple observations are a 3 x 3 matrix")
space <- vecenv_action_space_info(client, id)
check(identical(space$action_space$name, "MultiDiscrete") && identical(space$single_action_space$n, 2L), "action spaces")
check(identical(vecenv_list_all(client)[[id]]$num_envs, 3L), "vecenv_list_all")
vecenv_close(client, id)

# Partial resets in disabled mode, and errors with the server's message.
id <- vecenv_create(client, "CartPole-v1", num_envs = 2, seed = 1, autoreset_mode = "disabled")
invisible(vecenv_reset(client, id))
res <- vecenv_reset(client, id, reset_mask = c(TRUE, FALSE))
check(identical(dim(res$observations), c(2L, 4L)), "a partial reset answers the full batch")
got <- tryCatch(vecenv_step(client, id, c(1, 0, 1)), gym_server_error = function(e) conditionMessage(e))
check(grepl("one action per sub-environment (2)", got, fixed = TRUE), paste("wrong number of actions:", got))
got <- tryCatch(vecenv_reset(client, id, reset_mask = c(TRUE)), gym_server_error = function(e) conditionMessage(e))
check(grepl("reset_mask must have one flag per sub-environment (2)", got, fixed = TRUE), paste("mask:", got))
vecenv_close(client, id)

cat("R vecenv client: all", checks, "checks passed\n")
