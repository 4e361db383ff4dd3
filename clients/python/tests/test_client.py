"""Tests of the Python client against a live jgym server (URL in the JGYM_SERVER environment variable).

Run by the JUnit test PythonClientTest, which starts the server; or by hand:
    JGYM_SERVER=http://127.0.0.1:5000 python3 -m unittest discover -s clients/python/tests
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gym_http_client import Client, RemoteEnv, ServerError  # noqa: E402

SERVER = os.environ.get("JGYM_SERVER", "http://127.0.0.1:5000")
CARTPOLE_SEED0_RESET = [0.013696168549358845, -0.023021329194307327, -0.04590264707803726, -0.04834723472595215]


class ClientTest(unittest.TestCase):
    def setUp(self):
        self.client = Client(SERVER)

    def tearDown(self):
        self.client.close()

    def test_every_route(self):
        c = self.client
        instance_id = c.env_create("CartPole-v1", seed=0)
        self.assertRegex(instance_id, "^[0-9a-f]{8}$")
        self.assertEqual("CartPole-v1", c.env_list_all()[instance_id])
        self.assertEqual(CARTPOLE_SEED0_RESET, c.env_reset(instance_id))
        observation, reward, done, info = c.env_step(instance_id, 1)
        self.assertEqual(4, len(observation))
        self.assertEqual(1.0, reward)
        self.assertIsInstance(reward, float)
        self.assertFalse(done)
        self.assertEqual({}, info)
        self.assertEqual({"name": "Discrete", "n": 2}, c.env_action_space_info(instance_id))
        self.assertIn(c.env_action_space_sample(instance_id), (0, 1))
        self.assertTrue(c.env_action_space_contains(instance_id, 1))
        self.assertFalse(c.env_action_space_contains(instance_id, 2))
        space = c.env_observation_space_info(instance_id)
        self.assertEqual("Box", space["name"])
        self.assertEqual([4], space["shape"])
        self.assertEqual(1e100, space["high"][1])
        self.assertTrue(c.env_observation_space_contains(instance_id, {"name": "Box", "shape": [4]}))
        self.assertFalse(c.env_observation_space_contains(instance_id, {"name": "Discrete"}))
        c.env_monitor_start(instance_id, "python-client-test", force=True)
        c.env_reset(instance_id)
        c.env_monitor_close(instance_id)
        c.env_close(instance_id)
        self.assertNotIn(instance_id, c.env_list_all())

    def test_reset_seed_is_gymnasiums(self):
        instance_id = self.client.env_create("CartPole-v1")
        self.assertEqual(CARTPOLE_SEED0_RESET, self.client.env_reset(instance_id, seed=0))
        self.client.env_close(instance_id)

    def test_errors_carry_the_servers_message_and_status(self):
        with self.assertRaises(ServerError) as unknown:
            self.client.env_reset("deadbeef")
        self.assertEqual("Instance_id deadbeef unknown", unknown.exception.message)
        self.assertEqual(400, unknown.exception.status_code)
        with self.assertRaises(ServerError) as missing:
            self.client.env_create(None)
        self.assertEqual("A required request parameter 'env_id' was not provided", missing.exception.message)
        with self.assertRaises(ServerError) as malformed:
            self.client.env_create("NoSuchEnv-v0")
        self.assertEqual("Attempted to look up malformed environment ID 'NoSuchEnv-v0'", malformed.exception.message)
        instance_id = self.client.env_create("CartPole-v1")
        self.client.env_reset(instance_id)
        with self.assertRaises(ServerError) as bad_action:
            self.client.env_step(instance_id, 7)
        self.assertTrue(bad_action.exception.message.startswith("Invalid action 7"), bad_action.exception.message)
        with self.assertRaises(ServerError) as upload:
            self.client.upload("/tmp/results", api_key="key")
        self.assertIn("scoreboard", upload.exception.message)
        with self.assertRaises(ServerError) as shutdown:
            self.client.shutdown_server()
        self.assertEqual(403, shutdown.exception.status_code)
        self.client.env_close(instance_id)

    def test_one_connection_serves_many_calls(self):
        instance_id = self.client.env_create("FrozenLake-v1")
        self.client.env_reset(instance_id)
        socket_before = self.client._connection.sock
        for _ in range(50):
            self.client.env_action_space_sample(instance_id)
        self.assertIs(socket_before, self.client._connection.sock)
        self.client.env_close(instance_id)

    def test_unreachable_server_is_reported(self):
        with self.assertRaises(ServerError) as error:
            Client("http://127.0.0.1:1").env_list_all()
        self.assertIn("Cannot reach the gym server", error.exception.message)


class RemoteEnvTest(unittest.TestCase):
    def test_full_episode_with_gymnasiums_interface(self):
        with RemoteEnv(SERVER, "CartPole-v0", seed=0) as env:
            observation, info = env.reset()
            self.assertEqual(CARTPOLE_SEED0_RESET, observation)
            self.assertEqual({}, info)
            steps, terminated, truncated = 0, False, False
            while not (terminated or truncated):
                theta, theta_dot = observation[2], observation[3]
                observation, reward, terminated, truncated, info = env.step(1 if theta + 0.5 * theta_dot > 0 else 0)
                steps += 1
            self.assertEqual(200, steps)
            self.assertTrue(truncated)
            self.assertFalse(terminated)

    def test_tuple_observations_and_options(self):
        with RemoteEnv(SERVER, "Blackjack-v1", seed=0) as env:
            observation, _ = env.reset()
            self.assertEqual((11, 10, 0), observation)
        with RemoteEnv(SERVER, "FrozenLake-v1", seed=0, is_slippery=False) as env:
            env.reset()
            for action in (1, 1, 2, 2, 1):
                env.step(action)
            observation, reward, terminated, truncated, info = env.step(2)
            self.assertEqual((15, 1.0, True, False), (observation, reward, terminated, truncated))


if __name__ == "__main__":
    unittest.main()
