# The course's epsilon-greedy DQN with a replay memory, on CartPole-v1 through a gym server,
# written for jgym's R client with a small dense Q-network in base R (no Keras needed).
#
# Start a server first (./jgym serve), then:
#   Rscript clients/r/examples/cartpole_dqn.R [episodes] [seed] [server]
# Defaults: 150 episodes, seed 1, http://127.0.0.1:5000. Prints one line per episode and, at the
# end, the mean return of the first and of the last 20 episodes (a random policy averages ~22).
args <- commandArgs(trailingOnly = TRUE)
file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
source(file.path(dirname(normalizePath(sub("^--file=", "", file_arg))), "..", "gym.R"))

episodes <- if (length(args) >= 1) as.integer(args[1]) else 150L
seed <- if (length(args) >= 2) as.integer(args[2]) else 1L
remote_base <- if (length(args) >= 3) args[3] else "http://127.0.0.1:5000"

# Hyper-parameters of the course program.
gamma <- 0.95
epsilon <- 1.0
epsilon_min <- 0.01
epsilon_decay <- 0.995
learning_rate <- 0.001
memory_size <- 8000L
batch_size <- 32L
hidden <- c(20L, 20L)

set.seed(seed)

# ---- A dense network 4-20-20-2 with ReLU, trained by Adam on mean squared error -------------
new_network <- function(sizes) {
  layers <- lapply(seq_len(length(sizes) - 1), function(i) {
    list(W = matrix(rnorm(sizes[i] * sizes[i + 1], sd = sqrt(2 / sizes[i])), sizes[i], sizes[i + 1]),
         b = rep(0, sizes[i + 1]))
  })
  list(layers = layers, m = lapply(layers, function(l) lapply(l, function(p) p * 0)),
       v = lapply(layers, function(l) lapply(l, function(p) p * 0)), t = 0)
}

forward <- function(net, X) {
  activations <- list(X)
  for (i in seq_along(net$layers)) {
    z <- sweep(activations[[i]] %*% net$layers[[i]]$W, 2, net$layers[[i]]$b, "+")
    activations[[i + 1]] <- if (i < length(net$layers)) pmax(z, 0) else z
  }
  activations
}

predict_q <- function(net, X) {
  a <- forward(net, X)
  a[[length(a)]]
}

train_step <- function(net, X, Y) {
  a <- forward(net, X)
  n <- nrow(X)
  delta <- (a[[length(a)]] - Y) * (2 / n)
  net$t <- net$t + 1
  for (i in rev(seq_along(net$layers))) {
    grads <- list(W = t(a[[i]]) %*% delta, b = colSums(delta))
    if (i > 1) delta <- (delta %*% t(net$layers[[i]]$W)) * (a[[i]] > 0)
    for (p in c("W", "b")) {
      net$m[[i]][[p]] <- 0.9 * net$m[[i]][[p]] + 0.1 * grads[[p]]
      net$v[[i]][[p]] <- 0.999 * net$v[[i]][[p]] + 0.001 * grads[[p]]^2
      m_hat <- net$m[[i]][[p]] / (1 - 0.9^net$t)
      v_hat <- net$v[[i]][[p]] / (1 - 0.999^net$t)
      net$layers[[i]][[p]] <- net$layers[[i]][[p]] - learning_rate * m_hat / (sqrt(v_hat) + 1e-8)
    }
  }
  net
}

# ---- The agent ------------------------------------------------------------------------------
client <- create_GymClient(remote_base)
instance_id <- env_create(client, "CartPole-v1", seed = seed)
state_size <- env_observation_space_info(client, instance_id)$shape[[1]]
action_size <- env_action_space_info(client, instance_id)$n

net <- new_network(c(state_size, hidden, action_size))
memory_states <- matrix(0, memory_size, state_size)
memory_next <- matrix(0, memory_size, state_size)
memory_actions <- integer(memory_size)
memory_rewards <- numeric(memory_size)
memory_terminal <- logical(memory_size)
stored <- 0L

act <- function(state) {
  if (runif(1) <= epsilon) return(sample.int(action_size, 1) - 1L)
  which.max(predict_q(net, matrix(state, nrow = 1))) - 1L
}

replay <- function() {
  idx <- sample.int(min(stored, memory_size), batch_size)
  s <- memory_states[idx, , drop = FALSE]
  targets <- predict_q(net, s)
  future <- apply(predict_q(net, memory_next[idx, , drop = FALSE]), 1, max)
  value <- memory_rewards[idx] + ifelse(memory_terminal[idx], 0, gamma * future)
  targets[cbind(seq_len(batch_size), memory_actions[idx] + 1L)] <- value
  net <<- train_step(net, s, targets)
  if (epsilon > epsilon_min) epsilon <<- epsilon * epsilon_decay
}

returns <- numeric(episodes)
for (episode in seq_len(episodes)) {
  state <- unlist(env_reset(client, instance_id))
  total <- 0
  repeat {
    action <- act(state)
    result <- env_step(client, instance_id, action)
    next_state <- unlist(result$observation)
    truncated <- isTRUE(result$info[["TimeLimit.truncated"]])
    slot <- stored %% memory_size + 1L
    memory_states[slot, ] <- state
    memory_next[slot, ] <- next_state
    memory_actions[slot] <- action
    memory_rewards[slot] <- result$reward
    memory_terminal[slot] <- isTRUE(result$done) && !truncated
    stored <- stored + 1L
    total <- total + result$reward
    state <- next_state
    if (stored >= batch_size) replay()
    if (isTRUE(result$done)) break
  }
  returns[episode] <- total
  cat(sprintf("episode %d/%d return %.0f epsilon %.3f\n", episode, episodes, total, epsilon))
}
env_close(client, instance_id)
window <- min(20L, episodes)
cat(sprintf("mean return of the first %d episodes: %.1f\n", window, mean(returns[seq_len(window)])))
cat(sprintf("mean return of the last %d episodes: %.1f\n", window, mean(tail(returns, window))))
