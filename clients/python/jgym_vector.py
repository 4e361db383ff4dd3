"""Vector environments on a jgym server (``/v1/vecenvs/``) with Gymnasium's vector API.

:class:`RemoteVectorEnv` steps N copies of one environment per request, as
``gymnasium.make_vec(env_id, num_envs=N, vectorization_mode="sync")`` does in-process, with the
same autoreset modes and the same values::

    from jgym_vector import RemoteVectorEnv
    envs = RemoteVectorEnv("http://127.0.0.1:5000", "CartPole-v1", num_envs=256)
    obs, infos = envs.reset(seed=42)
    obs, rewards, terminations, truncations, infos = envs.step([1] * 256)
    envs.close()

With numpy installed, batches are numpy arrays (float32 / int64 observations, float64 rewards, bool
flags, infos as arrays with their ``_key`` masks) and the binary ``application/x-jgym-batch``
encoding is used; without it, everything is plain lists over JSON. Standard library otherwise.
Errors answered by the server are raised as ``gym_http_client.ServerError``.
"""

import http.client
import json
import os
import struct
import urllib.parse

from gym_http_client import ServerError

try:
    import numpy as np
except ImportError:  # lists and JSON instead
    np = None

__all__ = ["RemoteVectorEnv", "ServerError", "decode_batch", "encode_batch"]

MEDIA_TYPE = "application/x-jgym-batch"
_MAGIC = b"JGB1"


def encode_batch(arrays):
    """Encodes ``{name: numpy array}`` as an application/x-jgym-batch message (needs numpy)."""
    parts = [_MAGIC, struct.pack("<I", len(arrays))]
    for name, array in arrays.items():
        array = np.ascontiguousarray(array)
        typestr = array.dtype.newbyteorder("<").str if array.dtype.byteorder not in "|" else array.dtype.str
        raw_name = name.encode("utf-8")
        parts.append(struct.pack("<H", len(raw_name)) + raw_name)
        parts.append(struct.pack("<B", len(typestr)) + typestr.encode("ascii"))
        parts.append(struct.pack("<B%dI" % array.ndim, array.ndim, *array.shape))
        parts.append(array.astype(typestr, copy=False).tobytes())
    return b"".join(parts)


def decode_batch(data):
    """Decodes an application/x-jgym-batch message into ``{name: numpy array}`` (writable copies; needs numpy)."""
    view = memoryview(data)
    if bytes(view[:4]) != _MAGIC:
        raise ValueError("not an %s message" % MEDIA_TYPE)
    (count,) = struct.unpack_from("<I", view, 4)
    offset = 8
    out = {}
    for _ in range(count):
        (length,) = struct.unpack_from("<H", view, offset)
        name = bytes(view[offset + 2:offset + 2 + length]).decode("utf-8")
        offset += 2 + length
        length = view[offset]
        typestr = bytes(view[offset + 1:offset + 1 + length]).decode("ascii")
        offset += 1 + length
        ndim = view[offset]
        shape = struct.unpack_from("<%dI" % ndim, view, offset + 1)
        offset += 1 + 4 * ndim
        dtype = np.dtype(typestr)
        size = dtype.itemsize
        for d in shape:
            size *= d
        out[name] = np.frombuffer(view[offset:offset + size], dtype=dtype).reshape(shape).copy()
        offset += size
    return out


class RemoteVectorEnv:
    """N sub-environments of ``env_id`` on the jgym server at ``remote_base``.

    ``autoreset_mode`` is ``"next_step"`` (default), ``"same_step"`` or ``"disabled"``, as in
    Gymnasium 1.x. ``binary`` defaults to whether numpy is installed. ``token`` (default: the
    ``JGYM_TOKEN`` environment variable) is sent as a bearer token.
    """

    def __init__(self, remote_base, env_id, num_envs, seed=None, autoreset_mode="next_step", kwargs=None,
                 binary=None, token=None, timeout=60):
        url = urllib.parse.urlsplit(remote_base)
        if url.scheme != "http" or not url.hostname:
            raise ValueError("remote_base must look like http://host:port, got %r" % remote_base)
        self.remote_base = remote_base.rstrip("/")
        self.binary = (np is not None) if binary is None else bool(binary)
        if self.binary and np is None:
            raise ValueError("the binary encoding needs numpy; pass binary=False")
        self._connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout)
        token = token if token is not None else os.environ.get("JGYM_TOKEN", "")
        self._auth = {"Authorization": "Bearer " + token.strip()} if token.strip() else {}
        body = {"env_id": env_id, "num_envs": num_envs, "autoreset_mode": autoreset_mode}
        if seed is not None:
            body["seed"] = seed
        if kwargs:
            body["kwargs"] = kwargs
        try:
            self.instance_id = self._json("POST", "/v1/vecenvs/", body)["instance_id"]
        except BaseException:
            self._connection.close()
            raise
        self._path = "/v1/vecenvs/%s/" % self.instance_id
        self.num_envs = num_envs
        self.autoreset_mode = autoreset_mode
        actions = self._json("GET", self._path + "action_space/")
        observations = self._json("GET", self._path + "observation_space/")
        self.action_space = actions["action_space"]
        self.single_action_space = actions["single_action_space"]
        self.observation_space = observations["observation_space"]
        self.single_observation_space = observations["single_observation_space"]
        self._closed = False

    def __repr__(self):
        return "RemoteVectorEnv(%r, %s x %d)" % (self.remote_base, self.single_observation_space.get("name"), self.num_envs)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def reset(self, seed=None, options=None):
        """Resets (sub-environment i with ``seed + i``); ``options={"reset_mask": [...]}`` resets only those."""
        body = {}
        if seed is not None:
            body["seed"] = seed
        if options:
            mask = options.get("reset_mask")
            body["options"] = {"reset_mask": [bool(m) for m in mask]} if mask is not None else {}
        if self.binary:
            arrays = self._binary(self._path + "reset/", json.dumps(body).encode("utf-8"), "application/json")
            return self._observations(arrays), self._infos(arrays)
        answer = self._json("POST", self._path + "reset/", body)
        return self._lists(answer["observations"]), self._info_arrays(answer["infos"])

    def step(self, actions):
        """Steps every sub-environment; returns ``(observations, rewards, terminations, truncations, infos)``."""
        if self.binary:
            actions = np.asarray(actions)
            if self.single_action_space["name"] == "Box":
                actions = actions.astype("<f4").reshape(self.num_envs, -1)
            else:
                actions = actions.astype("<i8")
            arrays = self._binary(self._path + "step/", encode_batch({"actions": actions}), MEDIA_TYPE)
            return (self._observations(arrays), arrays["rewards"], arrays["terminations"].astype(bool),
                    arrays["truncations"].astype(bool), self._infos(arrays))
        if np is not None and hasattr(actions, "tolist"):
            actions = actions.tolist()
        answer = self._json("POST", self._path + "step/", {"actions": list(actions)})
        return (self._lists(answer["observations"]), self._as_array(answer["rewards"], "float64"),
                self._as_array(answer["terminations"], "bool"), self._as_array(answer["truncations"], "bool"),
                self._info_arrays(answer["infos"]))

    def close(self):
        """Closes the server's instance and the connection; calling it again does nothing."""
        if not self._closed:
            self._closed = True
            try:
                self._json("POST", self._path + "close/")
            finally:
                self._connection.close()

    # -- decoding ------------------------------------------------------------------------------

    def _observations(self, arrays):
        if "observations" in arrays:
            return arrays["observations"]
        return tuple(arrays["observations.%d" % i] for i in range(len(self.single_observation_space["spaces"])))

    def _infos(self, arrays):
        text = bytes(arrays["infos"]).decode("utf-8")
        return {} if text == "{}" else self._info_arrays(json.loads(text))

    def _lists(self, observations):
        if np is None:
            return observations
        if self.single_observation_space["name"] == "Tuple":
            return tuple(np.asarray(c, dtype=np.int64) for c in observations)
        dtype = np.float32 if self.single_observation_space["name"] == "Box" else np.int64
        return np.asarray(observations, dtype=dtype)

    @staticmethod
    def _as_array(values, dtype):
        return values if np is None else np.asarray(values, dtype=dtype)

    def _info_arrays(self, infos):
        """Gymnasium's info arrays: ints as int64, floats as float64, bools as bool, final_obs as objects."""
        if np is None:
            return infos
        out = {}
        for key, value in infos.items():
            if isinstance(value, dict):
                out[key] = self._info_arrays(value)
            elif key == "final_obs":
                array = np.empty(len(value), dtype=object)
                for i, v in enumerate(value):
                    array[i] = None if v is None else (np.asarray(v, dtype=np.float32) if isinstance(v, list)
                                                       and v and isinstance(v[0], float) else v)
                out[key] = array
            elif value and isinstance(value[0], bool):
                out[key] = np.asarray(value, dtype=bool)
            elif value and isinstance(value[0], int):
                out[key] = np.asarray(value, dtype=np.int64)
            elif value and isinstance(value[0], float):
                out[key] = np.asarray(value, dtype=np.float64)
            elif value and isinstance(value[0], list):
                out[key] = np.asarray(value, dtype=np.int8)
            else:
                out[key] = np.asarray(value, dtype=object)
        return out

    # -- transport -----------------------------------------------------------------------------

    def _send(self, method, route, body=None, content_type=None, accept=None):
        headers = dict(self._auth)
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        try:
            self._connection.request(method, route, body=body, headers=headers)
            response = self._connection.getresponse()
            payload = response.read()
        except OSError as error:
            self._connection.close()
            raise ServerError("Cannot reach the jgym server at %s (%s); is it running?" % (self.remote_base, error)) from error
        if response.status // 100 != 2:
            try:
                message = json.loads(payload.decode("utf-8"))["message"]
            except (ValueError, KeyError, TypeError):
                message = "HTTP %d for %s %s" % (response.status, method, route)
            raise ServerError(message, response.status)
        return payload

    def _json(self, method, route, data=None):
        body = None if data is None else json.dumps(data).encode("utf-8")
        payload = self._send(method, route, body, "application/json" if body is not None else None)
        return json.loads(payload.decode("utf-8")) if payload else None

    def _binary(self, route, body, content_type):
        return decode_batch(self._send("POST", route, body, content_type, MEDIA_TYPE))
