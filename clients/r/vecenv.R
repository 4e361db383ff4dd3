# Vector environments on a jgym server (/v1/vecenvs/): N copies of one environment stepped with one
# request, with Gymnasium 1.x's vector semantics (see docs/http-api.md, "Vector environments").
# Use after source("clients/r/gym.R"), with the same client object:
#   client <- create_GymClient("http://127.0.0.1:5000")
#   id <- vecenv_create(client, "CartPole-v1", num_envs = 8, seed = 0)
#   res <- vecenv_reset(client, id)             # res$observations: an 8 x 4 matrix
#   res <- vecenv_step(client, id, rep(1, 8))   # observations, rewards, terminations, truncations, infos
#   vecenv_close(client, id)
# Box observations come back as an N x k matrix (row i is sub-environment i), Discrete ones as a
# vector of N integers, Tuple ones (Blackjack) as an N x components matrix. JSON over httr.

vecenv_route <- function(instance_id, rest) paste0("/v1/vecenvs/", instance_id, "/", rest)

vecenv_create <- function(x, env_id, num_envs, seed = NULL, autoreset_mode = "next_step", kwargs = NULL) {
  data <- list(env_id = env_id, num_envs = num_envs, autoreset_mode = autoreset_mode)
  if (!is.null(seed)) data$seed <- seed
  if (!is.null(kwargs)) data$kwargs <- kwargs
  post_request(x, "/v1/vecenvs/", data)[["instance_id"]]
}

vecenv_list_all <- function(x) get_request(x, "/v1/vecenvs/")[["vecenvs"]]

# Resets every sub-environment (sub-environment i with seed + i), or only those flagged in reset_mask.
vecenv_reset <- function(x, instance_id, seed = NULL, reset_mask = NULL) {
  data <- list()
  if (!is.null(seed)) data$seed <- seed
  if (!is.null(reset_mask)) data$options <- list(reset_mask = I(as.logical(reset_mask)))
  res <- post_request(x, vecenv_route(instance_id, "reset/"), data)
  list(observations = vecenv_batch(res$observations, vecenv_observation_kind(x, instance_id)), infos = res$infos)
}

# One action per sub-environment: a vector (Discrete) or an N x k matrix (Box).
vecenv_step <- function(x, instance_id, actions) {
  actions <- if (is.matrix(actions)) lapply(seq_len(nrow(actions)), function(i) I(actions[i, ])) else I(actions)
  res <- post_request(x, vecenv_route(instance_id, "step/"), list(actions = actions))
  list(observations = vecenv_batch(res$observations, vecenv_observation_kind(x, instance_id)), rewards = as.numeric(unlist(res$rewards)),
       terminations = as.logical(unlist(res$terminations)), truncations = as.logical(unlist(res$truncations)),
       infos = res$infos)
}

vecenv_action_space_info <- function(x, instance_id) get_request(x, vecenv_route(instance_id, "action_space/"))

vecenv_observation_space_info <- function(x, instance_id) get_request(x, vecenv_route(instance_id, "observation_space/"))

vecenv_close <- function(x, instance_id) {
  post_request(x, vecenv_route(instance_id, "close/"))
  if (exists(instance_id, envir = vecenv_space_names, inherits = FALSE)) rm(list = instance_id, envir = vecenv_space_names)
  invisible(NULL)
}

# The single observation space's name per instance, fetched once.
vecenv_space_names <- new.env()

vecenv_observation_kind <- function(x, instance_id) {
  kind <- vecenv_space_names[[instance_id]]
  if (is.null(kind)) {
    kind <- vecenv_observation_space_info(x, instance_id)$single_observation_space$name
    assign(instance_id, kind, envir = vecenv_space_names)
  }
  kind
}

# Nested JSON lists as R values: Box -> N x k matrix (row i is sub-environment i); Discrete -> vector
# of N; Tuple (its component batches) -> N x components matrix.
vecenv_batch <- function(batch, kind) {
  if (kind == "Box") return(do.call(rbind, lapply(batch, function(b) as.numeric(unlist(b)))))
  if (kind == "Tuple") return(do.call(cbind, lapply(batch, function(b) as.numeric(unlist(b)))))
  as.numeric(unlist(batch))
}
