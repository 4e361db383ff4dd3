"""Tests of the Python client's token against a live jgym server started with --token.

Run by the JUnit test PythonClientTest, which starts such a server and sets JGYM_TOKEN_SERVER (its
URL) and JGYM_TEST_TOKEN (its token); skipped when they are not set.
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gym_http_client import Client, ServerError  # noqa: E402

SERVER = os.environ.get("JGYM_TOKEN_SERVER")
TOKEN = os.environ.get("JGYM_TEST_TOKEN")


@unittest.skipUnless(SERVER and TOKEN, "needs JGYM_TOKEN_SERVER and JGYM_TEST_TOKEN")
class TokenTest(unittest.TestCase):
    def test_without_a_token_the_server_refuses_with_401(self):
        client = Client(SERVER, token="")
        with self.assertRaises(ServerError) as refused:
            client.env_list_all()
        self.assertEqual(401, refused.exception.status_code)
        self.assertIn("needs a token", refused.exception.message)
        client.close()

    def test_the_token_argument_is_sent_on_every_route(self):
        client = Client(SERVER, token=TOKEN)
        instance_id = client.env_create("CartPole-v1", seed=0)
        client.env_reset(instance_id)
        client.env_step(instance_id, 1)
        client.env_close(instance_id)
        client.close()

    def test_the_token_defaults_to_jgym_token(self):
        os.environ["JGYM_TOKEN"] = TOKEN
        try:
            client = Client(SERVER)
        finally:
            del os.environ["JGYM_TOKEN"]
        self.assertIsInstance(client.env_list_all(), dict)
        client.close()


if __name__ == "__main__":
    unittest.main()
