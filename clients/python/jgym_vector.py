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
encoding is used; without it, everything is plain lists over JSON. ``transport="websocket"`` steps
over the server's vecenv WebSocket (one socket per environment, no HTTP headers per step) instead
of HTTP/1.1 keep-alive. Standard library otherwise. Errors answered by the server are raised as
``gym_http_client.ServerError``.
"""

import base64
import hashlib
import http.client
import json
import os
import socket
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
    Gymnasium 1.x. ``binary`` defaults to whether numpy is installed. ``transport`` is ``"http"``
    (default) or ``"websocket"``. ``token`` (default: the ``JGYM_TOKEN`` environment variable) is
    sent as a bearer token.
    """

    def __init__(self, remote_base, env_id, num_envs, seed=None, autoreset_mode="next_step", kwargs=None,
                 binary=None, token=None, timeout=60, transport="http"):
        url = urllib.parse.urlsplit(remote_base)
        if url.scheme != "http" or not url.hostname:
            raise ValueError("remote_base must look like http://host:port, got %r" % remote_base)
        if transport not in ("http", "websocket"):
            raise ValueError("transport must be 'http' or 'websocket', got %r" % transport)
        self.remote_base = remote_base.rstrip("/")
        self.binary = (np is not None) if binary is None else bool(binary)
        if self.binary and np is None:
            raise ValueError("the binary encoding needs numpy; pass binary=False")
        token = token if token is not None else os.environ.get("JGYM_TOKEN", "")
        auth = "Bearer " + token.strip() if token.strip() else None
        transport_class = _HttpTransport if transport == "http" else _SocketTransport
        self._transport = transport_class(url.hostname, url.port or 80, auth, timeout, self.remote_base)
        body = {"env_id": env_id, "num_envs": num_envs, "autoreset_mode": autoreset_mode}
        if seed is not None:
            body["seed"] = seed
        if kwargs:
            body["kwargs"] = kwargs
        try:
            self.instance_id = self._transport.create(body)
            actions, observations = self._transport.spaces()
        except BaseException:
            self._transport.close_connection()
            raise
        self.num_envs = num_envs
        self.autoreset_mode = autoreset_mode
        self.transport = transport
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
        answer = self._transport.reset(body, self.binary)
        if self.binary:
            arrays = decode_batch(answer)
            return self._observations(arrays), self._infos(arrays)
        return self._lists(answer["observations"]), self._info_arrays(answer["infos"])

    def step(self, actions):
        """Steps every sub-environment; returns ``(observations, rewards, terminations, truncations, infos)``."""
        if self.binary:
            actions = np.asarray(actions)
            if self.single_action_space["name"] == "Box":
                actions = actions.astype("<f4").reshape(self.num_envs, -1)
            else:
                actions = actions.astype("<i8")
            arrays = decode_batch(self._transport.step_binary(encode_batch({"actions": actions})))
            return (self._observations(arrays), arrays["rewards"], arrays["terminations"].astype(bool),
                    arrays["truncations"].astype(bool), self._infos(arrays))
        if np is not None and hasattr(actions, "tolist"):
            actions = actions.tolist()
        answer = self._transport.step_json({"actions": list(actions)})
        return (self._lists(answer["observations"]), self._as_array(answer["rewards"], "float64"),
                self._as_array(answer["terminations"], "bool"), self._as_array(answer["truncations"], "bool"),
                self._info_arrays(answer["infos"]))

    def close(self):
        """Closes the server's instance and the connection; calling it again does nothing."""
        if not self._closed:
            self._closed = True
            try:
                self._transport.close()
            finally:
                self._transport.close_connection()

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


def _server_error(status, payload, what):
    try:
        message = json.loads(payload.decode("utf-8"))["message"]
    except (ValueError, KeyError, TypeError):
        message = "HTTP %d for %s" % (status, what)
    return ServerError(message, status)


class _HttpTransport:
    """The vecenv routes over one HTTP/1.1 keep-alive connection."""

    def __init__(self, host, port, auth, timeout, base):
        self._connection = http.client.HTTPConnection(host, port, timeout=timeout)
        self._auth = {"Authorization": auth} if auth else {}
        self._base = base
        self._path = None

    def create(self, body):
        instance_id = self._json("POST", "/v1/vecenvs/", body)["instance_id"]
        self._path = "/v1/vecenvs/%s/" % instance_id
        return instance_id

    def spaces(self):
        return self._json("GET", self._path + "action_space/"), self._json("GET", self._path + "observation_space/")

    def reset(self, body, binary):
        if binary:
            return self._send("POST", self._path + "reset/", json.dumps(body).encode("utf-8"), "application/json", MEDIA_TYPE)
        return self._json("POST", self._path + "reset/", body)

    def step_binary(self, message):
        return self._send("POST", self._path + "step/", message, MEDIA_TYPE, MEDIA_TYPE)

    def step_json(self, body):
        return self._json("POST", self._path + "step/", body)

    def close(self):
        self._json("POST", self._path + "close/")

    def close_connection(self):
        self._connection.close()

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
            raise ServerError("Cannot reach the jgym server at %s (%s); is it running?" % (self._base, error)) from error
        if response.status // 100 != 2:
            raise _server_error(response.status, payload, method + " " + route)
        return payload

    def _json(self, method, route, data=None):
        body = None if data is None else json.dumps(data).encode("utf-8")
        payload = self._send(method, route, body, "application/json" if body is not None else None)
        return json.loads(payload.decode("utf-8")) if payload else None


class _SocketTransport:
    """The vecenv WebSocket (``/v1/vecenvs/ws``): a minimal RFC 6455 client, one message out, one in."""

    _GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, host, port, auth, timeout, base):
        self._base = base
        try:
            self._socket = socket.create_connection((host, port), timeout=timeout)
        except OSError as error:
            raise ServerError("Cannot reach the jgym server at %s (%s); is it running?" % (base, error)) from error
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._reader = self._socket.makefile("rb")
        key = base64.b64encode(os.urandom(16))
        request = ("GET /v1/vecenvs/ws HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n" % (host, port, key.decode("ascii")))
        if auth:
            request += "Authorization: %s\r\n" % auth
        self._socket.sendall((request + "\r\n").encode("ascii"))
        status = self._reader.readline().decode("latin-1").split(" ")
        headers = {}
        for line in iter(self._reader.readline, b"\r\n"):
            if not line:
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        code = int(status[1]) if len(status) > 1 and status[1].isdigit() else 0
        if code != 101:
            payload = self._reader.read(int(headers.get("content-length", "0")))
            self.close_connection()
            raise _server_error(code, payload, "the WebSocket upgrade")
        expected = base64.b64encode(hashlib.sha1(key + self._GUID).digest()).decode("ascii")
        if headers.get("sec-websocket-accept") != expected:
            self.close_connection()
            raise ServerError("the server's Sec-WebSocket-Accept does not match the key sent")

    def create(self, body):
        return self._text(dict(body, op="create"))["instance_id"]

    def spaces(self):
        both = self._text({"op": "spaces"})
        return ({"action_space": both["action_space"], "single_action_space": both["single_action_space"]},
                {"observation_space": both["observation_space"], "single_observation_space": both["single_observation_space"]})

    def reset(self, body, binary):
        request = dict(body, op="reset")
        if binary:
            request["binary"] = True
            return self._exchange(1, json.dumps(request).encode("utf-8"), expect_binary=True)
        return self._text(request)

    def step_binary(self, message):
        return self._exchange(2, message, expect_binary=True)

    def step_json(self, body):
        return self._text(dict(body, op="step"))

    def close(self):
        self._text({"op": "close"})

    def close_connection(self):
        try:
            self._socket.close()
        except OSError:
            pass

    def _text(self, request):
        return json.loads(self._exchange(1, json.dumps(request).encode("utf-8"), expect_binary=False).decode("utf-8"))

    def _exchange(self, opcode, payload, expect_binary):
        self._send(opcode, payload)
        binary, data = self._receive()
        if not binary:
            answer = json.loads(data.decode("utf-8"))
            if isinstance(answer, dict) and "status" in answer and "message" in answer:
                raise ServerError(answer["message"], answer["status"])
            if expect_binary:
                raise ServerError("expected a binary answer, got %s" % data[:200])
        return data

    def _send(self, opcode, payload):
        mask = os.urandom(4)
        n = len(payload)
        if n < 126:
            head = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
        elif n < 65536:
            head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
        if np is not None:
            masked = (np.frombuffer(payload + b"\0" * (-n % 4), dtype=np.uint32)
                      ^ np.frombuffer(mask, dtype=np.uint32)[0]).tobytes()[:n]
        else:
            key = int.from_bytes(mask * ((n + 3) // 4), "big")
            masked = (int.from_bytes(payload.ljust(len(mask) * ((n + 3) // 4), b"\0"), "big") ^ key).to_bytes(
                len(mask) * ((n + 3) // 4), "big")[:n]
        self._socket.sendall(head + mask + masked)

    def _receive(self):
        """The next data message as (binary, bytes), answering pings; a close from the server is an error."""
        parts = []
        kind = None
        while True:
            head = self._reader.read(2)
            if len(head) < 2:
                self.close_connection()
                raise ServerError("the vecenv socket closed in the middle of an answer")
            first, second = head
            opcode = first & 0x0F
            length = second & 0x7F
            if length == 126:
                (length,) = struct.unpack("!H", self._reader.read(2))
            elif length == 127:
                (length,) = struct.unpack("!Q", self._reader.read(8))
            payload = self._reader.read(length)
            if opcode == 9:
                self._send(10, payload)
            elif opcode == 8:
                self.close_connection()
                raise ServerError("the server closed the vecenv socket")
            elif opcode != 10:
                if opcode != 0:
                    kind = opcode
                parts.append(payload)
                if first & 0x80:
                    return kind == 2, b"".join(parts)
