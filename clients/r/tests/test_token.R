# Tests of the R client's token against a live jgym server started with --token (URL in
# JGYM_TOKEN_SERVER, token in JGYM_TEST_TOKEN). Run by the JUnit test RClientTest.
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "..", "gym.R"))

server <- Sys.getenv("JGYM_TOKEN_SERVER")
token <- Sys.getenv("JGYM_TEST_TOKEN")
if (!nzchar(server) || !nzchar(token)) stop("set JGYM_TOKEN_SERVER and JGYM_TEST_TOKEN", call. = FALSE)

refused <- tryCatch({ env_list_all(create_GymClient(server, token = "")); NULL },
                    gym_server_error = function(e) e)
if (is.null(refused) || refused$status_code != 401) stop("FAILED: a request without a token must be a 401", call. = FALSE)

client <- create_GymClient(server, token = token)
id <- env_create(client, "CartPole-v1", seed = 0)
env_reset(client, id)
env_step(client, id, 1)
env_close(client, id)

Sys.setenv(JGYM_TOKEN = token)
from_env <- create_GymClient(server)
Sys.unsetenv("JGYM_TOKEN")
if (!is.list(env_list_all(from_env))) stop("FAILED: the token defaults to JGYM_TOKEN", call. = FALSE)
cat("R client token: all checks passed\n")
