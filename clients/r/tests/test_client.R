# Tests of the R client against a live jgym server (URL in the JGYM_SERVER environment variable).
# Run by the JUnit test RClientTest, which starts the server; or by hand:
#   JGYM_SERVER=http://127.0.0.1:5000 Rscript clients/r/tests/test_client.R
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "..", "gym.R"))

server <- Sys.getenv("JGYM_SERVER", "http://127.0.0.1:5000")
client <- create_GymClient(server)
checks <- 0
check <- function(ok, what) {
  if (!isTRUE(ok)) stop("FAILED: ", what, call. = FALSE)
  checks <<- checks + 1
}
expect_error_message <- function(expr, expected) {
  got <- tryCatch({ expr; NULL }, gym_server_error = function(e) conditionMessage(e))
  check(identical(got, expected), paste0("error '", expected, "', got '", got, "'"))
}

check(identical(capture.output(print(client)), paste0("<GymClient: ", server, ">")), "print")

# Every route
id <- env_create(client, "CartPole-v1", seed = 0)
check(grepl("^[0-9a-f]{8}$", id), "instance id")
check(identical(env_list_all(client)[[id]], "CartPole-v1"), "env_list_all")
ob <- env_reset(client, id)
check(isTRUE(all.equal(unlist(ob), c(0.013696168549358845, -0.023021329194307327, -0.04590264707803726, -0.04834723472595215),
                       tolerance = 0)), "seeded reset matches Gymnasium")
res <- env_step(client, id, 1)
check(identical(res$reward, 1) && identical(res$done, FALSE) && length(res$observation) == 4, "env_step")
info <- env_action_space_info(client, id)
check(identical(info$name, "Discrete") && identical(info$n, 2L), "env_action_space_info")
check(env_action_space_sample(client, id) %in% c(0, 1), "env_action_space_sample")
check(isTRUE(env_action_space_contains(client, id, 1)), "contains 1")
check(isFALSE(env_action_space_contains(client, id, 2)), "contains 2")
obs_info <- env_observation_space_info(client, id)
check(identical(obs_info$name, "Box") && identical(unlist(obs_info$shape), 4L), "env_observation_space_info")
check(isTRUE(env_observation_space_contains(client, id, list(name = "Box"))), "observation contains")
env_monitor_start(client, id, "/tmp/r-client-test", force = TRUE, resume = FALSE)
invisible(env_reset(client, id))
env_monitor_close(client, id)

# A full episode with the balancing controller reaches CartPole-v1's 500-step limit
ob <- unlist(env_reset(client, id, seed = 1))
steps <- 0
repeat {
  res <- env_step(client, id, if (ob[3] + 0.5 * ob[4] > 0) 1 else 0)
  steps <- steps + 1
  ob <- unlist(res$observation)
  if (isTRUE(res$done)) break
}
check(steps == 500 && isTRUE(res$info[["TimeLimit.truncated"]]), paste("episode length", steps))
env_close(client, id)
check(!(id %in% names(env_list_all(client))), "env_close")

# Errors
expect_error_message(env_reset(client, "deadbeef"), "Instance_id deadbeef unknown")
expect_error_message(env_create(client, "NoSuchEnv-v0"), "Attempted to look up malformed environment ID 'NoSuchEnv-v0'")
id <- env_create(client, "FrozenLake-v1", kwargs = list(is_slippery = FALSE))
invisible(env_reset(client, id))
expect_error_message(env_step(client, id, NULL), "A required request parameter 'action' was not provided")
bad <- tryCatch(env_step(client, id, 9), gym_server_error = function(e) e)
check(inherits(bad, "gym_server_error") && bad$status_code == 400 && startsWith(conditionMessage(bad), "Invalid action 9"), "bad action")
for (a in c(1, 1, 2, 2, 1)) env_step(client, id, a)
res <- env_step(client, id, 2)
check(identical(res$observation, 15L) && identical(res$reward, 1) && isTRUE(res$done), "non-slippery lake reaches the goal")
env_close(client, id)
check(identical(tryCatch(shutdown_server(client), gym_server_error = function(e) e$status_code), 403L), "shutdown refused")
unreachable <- tryCatch(env_list_all(create_GymClient("http://127.0.0.1:1")), error = function(e) conditionMessage(e))
check(startsWith(unreachable, "Cannot reach the gym server"), "unreachable server")

cat("R client: all", checks, "checks passed\n")
