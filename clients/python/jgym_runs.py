"""Training runs on a jgym server started with ``--allow-runs``, from Python (standard library only).

Start a run of any trainer (``./jgym trainers``), follow its status and metrics, wait for it, stop
or resume it and fetch its files (samples, GIFs, ``metrics.csv``)::

    from jgym_runs import RunsClient
    runs = RunsClient("http://127.0.0.1:5000")
    run_id = runs.run_create("dqn", config={"maxSteps": 20000}, seed=1)
    status = runs.run_wait(run_id)                 # finished, stopped or failed
    rows = runs.run_metrics(run_id)                # one dict per episode
    png = runs.run_file(run_id, "learning-curve.png")

The routes are in docs/http-api.md ("Training runs"). Errors answered by the server are raised as
:class:`gym_http_client.ServerError` with its message and status code; ``token`` (default: the
``JGYM_TOKEN`` environment variable) is sent to a server started with ``--token``.
"""

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request

from gym_http_client import ServerError

__all__ = ["RunsClient", "ServerError", "ENDED"]

#: The states of a run that has ended (it changes again only if resumed).
ENDED = ("finished", "stopped", "failed")


class RunsClient:
    """The runs API of the jgym server at ``remote_base`` (for example ``http://127.0.0.1:5000``)."""

    def __init__(self, remote_base, timeout=60, token=None):
        url = urllib.parse.urlsplit(remote_base)
        if url.scheme != "http" or not url.hostname:
            raise ValueError("remote_base must look like http://host:port, got %r" % remote_base)
        self.remote_base = remote_base.rstrip("/")
        self._timeout = timeout
        token = token if token is not None else os.environ.get("JGYM_TOKEN", "")
        self._auth = {"Authorization": "Bearer " + token.strip()} if token.strip() else {}

    def __repr__(self):
        return "RunsClient(%r)" % self.remote_base

    # -- transport -----------------------------------------------------------------------------

    def _send(self, method, route, data=None):
        body = None if data is None else json.dumps(data).encode("utf-8")
        headers = dict(self._auth)
        if body is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.remote_base + route, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return response.read()
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            try:
                message = json.loads(text)["message"]
            except (ValueError, KeyError, TypeError):
                message = "HTTP %d for %s %s" % (e.code, method, route)
            raise ServerError(message, e.code) from None
        except urllib.error.URLError as e:
            raise ServerError("cannot reach the jgym server at %s (%s); is it running with --allow-runs?"
                              % (self.remote_base, e.reason)) from None

    def _json(self, method, route, data=None):
        raw = self._send(method, route, data)
        return json.loads(raw.decode("utf-8")) if raw else None

    @staticmethod
    def _run(run_id):
        return "/v1/runs/" + urllib.parse.quote(run_id, safe="")

    # -- runs ----------------------------------------------------------------------------------

    def trainers(self):
        """Every trainer: name, kind, description, presets (full configs) and settings."""
        return self._json("GET", "/v1/trainers")["trainers"]

    def run_create(self, trainer, preset=None, config=None, name=None, seed=None):
        """Starts a run of ``trainer``: ``config`` (config keys such as ``learningRate`` to values) over
        ``preset`` (the trainer's default when None). Returns the run's id (``name``, or a generated one)."""
        body = {"trainer": trainer, "config": dict(config or {})}
        if preset is not None:
            body["preset"] = preset
        if name is not None:
            body["name"] = name
        if seed is not None:
            body["seed"] = seed
        return self._json("POST", "/v1/runs/", body)["run_id"]

    def run_list(self):
        """Every run on the server (also those started from the command line), newest first."""
        return self._json("GET", "/v1/runs/")["runs"]

    def run_status(self, run_id):
        """The run's state, message, progress, episodes, last metrics row, config and files."""
        return self._json("GET", self._run(run_id))

    def run_metrics(self, run_id, since=0):
        """The run's metrics rows from episode ``since`` on, one dict per episode (None for a value the
        episode did not measure), every page fetched."""
        rows = []
        while True:
            page = self._json("GET", self._run(run_id) + "/metrics?since=%d" % since)
            rows.extend(page["rows"])
            if not page["rows"]:
                return rows
            since = page["next"]

    def run_wait(self, run_id, timeout=None, poll_seconds=1.0):
        """Waits until the run has ended (finished, stopped or failed) and returns its status; raises
        TimeoutError after ``timeout`` seconds (None waits as long as it takes)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            status = self.run_status(run_id)
            if status["state"] in ENDED:
                return status
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("run %s is still %s after %s s" % (run_id, status["state"], timeout))
            time.sleep(poll_seconds)

    def run_stop(self, run_id):
        """Asks the run to stop: a queued run leaves the queue, a running one checkpoints and ends
        ``stopped``. Returns its state at once (use run_wait to wait for the end)."""
        return self._json("POST", self._run(run_id) + "/stop")["state"]

    def run_resume(self, run_id, config=None):
        """Continues a stopped, failed or finished run from its last checkpoint; ``config`` may raise
        the trainer's budget keys (for example ``{"episodes": 10000}``) to extend a finished run."""
        return self._json("POST", self._run(run_id) + "/resume", {"config": dict(config or {})})["state"]

    def run_delete(self, run_id):
        """Deletes an ended run's folder."""
        self._send("DELETE", self._run(run_id))

    def run_file(self, run_id, path, to=None):
        """The bytes of a file of the run's folder (``learning-curve.png``, ``samples/...png``,
        ``metrics.csv``); with ``to``, also written there (the path is returned then)."""
        data = self._send("GET", self._run(run_id) + "/files/" + urllib.parse.quote(path))
        if to is None:
            return data
        with open(to, "wb") as out:
            out.write(data)
        return to
