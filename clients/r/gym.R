# R client for gym-http-api servers (jgym's or the original), with the function names and
# arguments of the CRAN `gym` package: a program written for CRAN gym runs by replacing
# library(gym) with source("clients/r/gym.R"). Needs the httr and jsonlite packages
# (Debian: r-cran-httr, r-cran-jsonlite). Server errors stop with the server's message.
# Extensions over CRAN gym: env_create(seed =, kwargs =), env_reset(seed =),
# env_observation_space_contains(), and create_GymClient(token =) for a jgym server started with
# --token (default: the JGYM_TOKEN environment variable; empty sends no Authorization header).

create_GymClient <- function(remote_base, token = Sys.getenv("JGYM_TOKEN")) {
  structure(list(remote_base = sub("/+$", "", remote_base), token = trimws(token)), class = "GymClient")
}

gym_auth <- function(x) {
  if (is.null(x$token) || !nzchar(x$token)) NULL else httr::add_headers(Authorization = paste("Bearer", x$token))
}

print.GymClient <- function(x, ...) {
  cat("<GymClient: ", x$remote_base, ">\n", sep = "")
  invisible(x)
}

gym_parse_response <- function(x, response) {
  text <- httr::content(response, as = "text", encoding = "UTF-8")
  parsed <- if (nzchar(trimws(text))) {
    tryCatch(jsonlite::fromJSON(text, simplifyVector = FALSE), error = function(e) NULL)
  } else {
    NULL
  }
  status <- httr::status_code(response)
  if (status >= 300) {
    message <- if (is.list(parsed) && !is.null(parsed$message)) parsed$message else paste("HTTP", status)
    stop(structure(class = c("gym_server_error", "error", "condition"),
                   list(message = message, status_code = status, call = NULL)))
  }
  parsed
}

gym_request <- function(x, method, route, data = NULL) {
  url <- paste0(x$remote_base, route)
  response <- tryCatch(
    if (method == "GET") {
      httr::GET(url, gym_auth(x))
    } else {
      body <- if (length(data) == 0) "{}" else jsonlite::toJSON(data, auto_unbox = TRUE, null = "null", digits = NA)
      httr::POST(url, body = body, httr::content_type_json(), gym_auth(x))
    },
    error = function(e) stop("Cannot reach the gym server at ", x$remote_base, " (", conditionMessage(e),
                             "); is it running? Start one with ./jgym serve", call. = FALSE))
  gym_parse_response(x, response)
}

get_request <- function(x, route) gym_request(x, "GET", route)

post_request <- function(x, route, data = NULL) gym_request(x, "POST", route, data)

gym_instance_route <- function(instance_id, rest) paste0("/v1/envs/", instance_id, "/", rest)

env_create <- function(x, env_id, seed = NULL, kwargs = NULL) {
  data <- list(env_id = env_id)
  if (!is.null(seed)) data$seed <- seed
  if (!is.null(kwargs)) data$kwargs <- kwargs
  post_request(x, "/v1/envs/", data)[["instance_id"]]
}

env_list_all <- function(x) get_request(x, "/v1/envs/")[["all_envs"]]

env_reset <- function(x, instance_id, seed = NULL) {
  data <- if (is.null(seed)) list() else list(seed = seed)
  post_request(x, gym_instance_route(instance_id, "reset/"), data)[["observation"]]
}

env_step <- function(x, instance_id, action, render = FALSE) {
  post_request(x, gym_instance_route(instance_id, "step/"),
               list(instance_id = instance_id, action = action, render = render))
}

env_action_space_info <- function(x, instance_id) {
  get_request(x, gym_instance_route(instance_id, "action_space/"))[["info"]]
}

env_action_space_sample <- function(x, instance_id) {
  get_request(x, gym_instance_route(instance_id, "action_space/sample"))[["action"]]
}

env_action_space_contains <- function(x, instance_id, action) {
  get_request(x, gym_instance_route(instance_id, paste0("action_space/contains/", action)))[["member"]]
}

env_observation_space_info <- function(x, instance_id) {
  get_request(x, gym_instance_route(instance_id, "observation_space/"))[["info"]]
}

env_observation_space_contains <- function(x, instance_id, params) {
  post_request(x, gym_instance_route(instance_id, "observation_space/contains"), params)[["member"]]
}

env_monitor_start <- function(x, instance_id, directory, force = FALSE, resume = FALSE) {
  post_request(x, gym_instance_route(instance_id, "monitor/start/"),
               list(directory = directory, force = force, resume = resume))
  invisible(NULL)
}

env_monitor_close <- function(x, instance_id) {
  post_request(x, gym_instance_route(instance_id, "monitor/close/"))
  invisible(NULL)
}

env_close <- function(x, instance_id) {
  post_request(x, gym_instance_route(instance_id, "close/"))
  invisible(NULL)
}

upload <- function(x, training_dir, api_key = NULL, algorithm_id = NULL) {
  if (is.null(api_key)) api_key <- Sys.getenv("OPENAI_GYM_API_KEY")
  post_request(x, "/v1/upload/", list(training_dir = training_dir, api_key = api_key, algorithm_id = algorithm_id))
  invisible(NULL)
}

shutdown_server <- function(x) {
  post_request(x, "/v1/shutdown/")
  invisible(NULL)
}
