"""Python client for gym-http-api servers (jgym's or the original), standard library only.

A drop-in for the ``gym_http_client.Client`` of openai/gym-http-api: the same method names and
arguments, without ``requests``. One keep-alive HTTP/1.1 connection per client. Errors answered
by the server are raised as :class:`ServerError` with its message and status code.

:class:`RemoteEnv` wraps one instance with Gymnasium's interface: ``reset(seed=...)`` returns
``(observation, info)`` and ``step(action)`` returns ``(observation, reward, terminated,
truncated, info)``.
"""

import http.client
import json
import os
import urllib.parse

__all__ = ["Client", "RemoteEnv", "ServerError"]


class ServerError(Exception):
    """The server refused a request; ``message`` is its explanation, ``status_code`` the HTTP status."""

    def __init__(self, message, status_code=None):
        super().__init__(message)
        self.message = message
        self.status_code = status_code


class Client:
    """Client for a gym-http-api server at ``remote_base`` (for example ``http://127.0.0.1:5000``).

    ``token`` is for a jgym server started with ``--token``: every request then carries
    ``Authorization: Bearer <token>``. It defaults to the ``JGYM_TOKEN`` environment variable;
    without either no header is sent, as the original client did.
    """

    def __init__(self, remote_base, timeout=60, token=None):
        url = urllib.parse.urlsplit(remote_base)
        if url.scheme != "http" or not url.hostname:
            raise ValueError("remote_base must look like http://host:port, got %r" % remote_base)
        self.remote_base = remote_base.rstrip("/")
        self._host = url.hostname
        self._port = url.port or 80
        self._timeout = timeout
        self._connection = None
        token = token if token is not None else os.environ.get("JGYM_TOKEN", "")
        self._auth = {"Authorization": "Bearer " + token.strip()} if token.strip() else {}

    def __repr__(self):
        return "Client(%r)" % self.remote_base

    # -- transport -----------------------------------------------------------------------------

    def _request(self, method, route, data=None):
        body = None if data is None and method == "GET" else json.dumps(data)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        headers.update(self._auth)
        for attempt in (1, 2):
            if self._connection is None:
                self._connection = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
            try:
                self._connection.request(method, route, body=body, headers=headers)
                response = self._connection.getresponse()
                payload = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the server closed: reconnect once.
                self.close()
                if attempt == 2:
                    raise
                continue
            except OSError as error:
                self.close()
                raise ServerError("Cannot reach the gym server at %s (%s); is it running?"
                                  % (self.remote_base, error)) from error
            if response.getheader("Connection", "").lower() == "close" or response.version == 10:
                self.close()
            return self._parse(response.status, payload)

    @staticmethod
    def _parse(status, payload):
        parsed = None
        if payload.strip():
            try:
                parsed = json.loads(payload.decode("utf-8"))
            except ValueError:
                parsed = None
        if status >= 300:
            if isinstance(parsed, dict) and "message" in parsed:
                raise ServerError(parsed["message"], status)
            raise ServerError("HTTP %d: %s" % (status, payload[:200].decode("utf-8", "replace")), status)
        return parsed

    def _get(self, route):
        return self._request("GET", route)

    def _post(self, route, data):
        return self._request("POST", route, data)

    def close(self):
        """Closes the connection; the next call opens a new one."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # -- the gym_http_client API ---------------------------------------------------------------

    def env_create(self, env_id, seed=None, kwargs=None):
        """Creates an instance and returns its id; with a seed its first reset is seeded."""
        data = {"env_id": env_id}
        if seed is not None:
            data["seed"] = seed
        if kwargs:
            data["kwargs"] = kwargs
        return self._post("/v1/envs/", data)["instance_id"]

    def env_list_all(self):
        return self._get("/v1/envs/")["all_envs"]

    def env_reset(self, instance_id, seed=None):
        data = {"seed": seed} if seed is not None else None
        return self._post("/v1/envs/%s/reset/" % instance_id, data)["observation"]

    def env_step(self, instance_id, action, render=False):
        """Returns ``[observation, reward, done, info]`` as the original client does."""
        result = self._post("/v1/envs/%s/step/" % instance_id, {"action": action, "render": render})
        return [result["observation"], result["reward"], result["done"], result["info"]]

    def env_action_space_info(self, instance_id):
        return self._get("/v1/envs/%s/action_space/" % instance_id)["info"]

    def env_action_space_sample(self, instance_id):
        return self._get("/v1/envs/%s/action_space/sample" % instance_id)["action"]

    def env_action_space_contains(self, instance_id, x):
        return self._get("/v1/envs/%s/action_space/contains/%s" % (instance_id, x))["member"]

    def env_observation_space_info(self, instance_id):
        return self._get("/v1/envs/%s/observation_space/" % instance_id)["info"]

    def env_observation_space_contains(self, instance_id, params):
        return self._post("/v1/envs/%s/observation_space/contains" % instance_id, params)["member"]

    def env_monitor_start(self, instance_id, directory, force=False, resume=False, video_callable=False):
        self._post("/v1/envs/%s/monitor/start/" % instance_id,
                   {"directory": directory, "force": force, "resume": resume, "video_callable": video_callable})

    def env_monitor_close(self, instance_id):
        self._post("/v1/envs/%s/monitor/close/" % instance_id, None)

    def env_close(self, instance_id):
        self._post("/v1/envs/%s/close/" % instance_id, None)

    def upload(self, training_dir, algorithm_id=None, api_key=None):
        self._post("/v1/upload/", {"training_dir": training_dir, "algorithm_id": algorithm_id, "api_key": api_key})

    def shutdown_server(self):
        self._post("/v1/shutdown/", None)


class RemoteEnv:
    """One environment on the server with Gymnasium's reset/step interface; usable as a context manager."""

    def __init__(self, remote_base, env_id, seed=None, **kwargs):
        self.client = Client(remote_base)
        self.env_id = env_id
        self.instance_id = self.client.env_create(env_id, seed=seed, kwargs=kwargs or None)
        self.action_space = self.client.env_action_space_info(self.instance_id)
        self.observation_space = self.client.env_observation_space_info(self.instance_id)
        self._closed = False

    def reset(self, seed=None):
        """Starts an episode; returns ``(observation, info)``."""
        return self._observation(self.client.env_reset(self.instance_id, seed=seed)), {}

    def step(self, action):
        """Applies an action; returns ``(observation, reward, terminated, truncated, info)``."""
        observation, reward, done, info = self.client.env_step(self.instance_id, action)
        truncated = "TimeLimit.truncated" in info
        terminated = done and not info.get("TimeLimit.truncated", False)
        return self._observation(observation), reward, terminated, truncated, info

    def sample_action(self):
        return self.client.env_action_space_sample(self.instance_id)

    def _observation(self, observation):
        return tuple(observation) if self.observation_space.get("name") == "Tuple" else observation

    def close(self):
        if not self._closed:
            self._closed = True
            try:
                self.client.env_close(self.instance_id)
            finally:
                self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
