"""Tests of jgym_vector.RemoteVectorEnv against a live jgym server.

Run by the JUnit test PythonClientTest (its discovery, and once more with numpy hidden), which starts
a server and sets JGYM_SERVER; skipped when it is not set. Replays Gymnasium's vector fixtures
(envs/src/test/resources/parity/vector) and compares every value exactly. With numpy installed the
client uses the binary encoding and numpy arrays; PythonClientTest also runs this file with
numpy hidden, where the client must fall back to JSON and lists and still match.
"""

import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
import jgym_vector  # noqa: E402
from jgym_vector import RemoteVectorEnv, ServerError  # noqa: E402

SERVER = os.environ.get("JGYM_SERVER")
FIXTURES = os.path.join(HERE, "..", "..", "..", "envs", "src", "test", "resources", "parity", "vector")
REPLAYED = ["CartPole-v1_n4_same_step", "CartPole-v1_n4_disabled", "FrozenLake-v1_n4_same_step",
            "Blackjack-v1_n4_next_step", "Taxi-v3_n4_next_step"]


def plain(value):
    """Numpy arrays and tuples as the nested lists the fixtures hold."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def dtypes(infos):
    return {k: dtypes(v) if isinstance(v, dict) else str(v.dtype) for k, v in infos.items()}


@unittest.skipUnless(SERVER, "needs JGYM_SERVER")
class VectorClientTest(unittest.TestCase):
    def assert_same(self, expected, got, where):
        # Text comparison: 1 and 1.0 differ, and every float must be the same double.
        self.assertEqual(json.dumps(expected, sort_keys=True), json.dumps(plain(got), sort_keys=True), where)

    def assert_infos(self, record, infos, where):
        self.assert_same(record["infos"], infos, where + " infos")
        if jgym_vector.np is not None and "info_dtypes" in record:
            self.assertEqual(record["info_dtypes"], dtypes(infos), where + " info dtypes")

    def test_the_encoding_follows_numpy(self):
        with RemoteVectorEnv(SERVER, "CartPole-v1", 2) as envs:
            self.assertEqual(jgym_vector.np is not None, envs.binary)
            obs, _ = envs.reset(seed=0)
            if jgym_vector.np is not None:
                self.assertEqual("float32", str(obs.dtype))
                self.assertEqual((2, 4), obs.shape)
            else:
                self.assertEqual(2, len(obs))

    def test_fixtures_replay_exactly_over_http_and_the_websocket(self):
        for name in REPLAYED:
            with open(os.path.join(FIXTURES, name + ".json")) as f:
                fixture = json.load(f)
            for transport in ("http", "websocket"):
                self.replay(fixture, name, transport)

    def replay(self, fixture, name, transport):
        run = fixture["runs"][0]
        where = "%s seed %d over %s" % (name, run["seed"], transport)
        with RemoteVectorEnv(SERVER, fixture["env_id"], fixture["num_envs"],
                             autoreset_mode=fixture["autoreset_mode"], transport=transport) as envs:
            self.assertEqual(fixture["action_space"], envs.action_space)
            self.assertEqual(fixture["single_observation_space"], envs.single_observation_space)
            obs, infos = envs.reset(seed=run["seed"])
            self.assert_same(run["reset"]["observations"], obs, where + " reset")
            self.assert_infos(run["reset"], infos, where + " reset")
            for record in run["steps"]:
                at = "%s t=%d" % (where, record["t"])
                obs, rewards, terminations, truncations, infos = envs.step(record["actions"])
                self.assert_same(record["observations"], obs, at + " observations")
                self.assert_same(record["rewards"], rewards, at + " rewards")
                self.assert_same(record["terminations"], terminations, at + " terminations")
                self.assert_same(record["truncations"], truncations, at + " truncations")
                self.assert_infos(record, infos, at)
                partial = record.get("partial_reset")
                if partial:
                    obs, infos = envs.reset(options={"reset_mask": partial["reset_mask"]})
                    self.assert_same(partial["observations"], obs, at + " partial reset")
                    self.assert_infos(partial, infos, at + " partial reset")

    def test_bad_input_is_a_server_error_with_a_message(self):
        for transport in ("http", "websocket"):
            with RemoteVectorEnv(SERVER, "CartPole-v1", 3, seed=1, transport=transport) as envs:
                envs.reset()
                with self.assertRaises(ServerError) as wrong_count:
                    envs.step([0, 1])
                self.assertEqual(400, wrong_count.exception.status_code)
                self.assertIn("one action per sub-environment (3)", wrong_count.exception.message)
                with self.assertRaises(ServerError) as mask:
                    envs.reset(options={"reset_mask": [True]})
                self.assertIn("reset_mask must have one flag per sub-environment (3)", mask.exception.message)
                self.assertEqual(3, len(envs.step([0, 1, 0])[1]), "the connection stays usable after a refusal")
            with self.assertRaises(ServerError) as unknown:
                RemoteVectorEnv(SERVER, "NoSuchEnv-v0", 2, transport=transport)
            self.assertIn("NoSuchEnv-v0", unknown.exception.message)


if __name__ == "__main__":
    unittest.main()
