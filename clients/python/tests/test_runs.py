"""Tests of jgym_runs.RunsClient against a live jgym server started with --allow-runs.

Run by the JUnit test PythonRunsTest, which starts such a server (its runs are real `jgym train`
children of the DL4J-free q-learning plugin) and sets JGYM_RUNS_SERVER to its URL; skipped when it
is not set.
"""

import os
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from jgym_runs import RunsClient, ServerError  # noqa: E402

SERVER = os.environ.get("JGYM_RUNS_SERVER")


def wait_until(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting until " + what)
        time.sleep(0.05)


@unittest.skipUnless(SERVER, "needs JGYM_RUNS_SERVER")
class RunsTest(unittest.TestCase):
    def setUp(self):
        self.runs = RunsClient(SERVER)

    def test_trainers_are_listed_with_their_presets(self):
        trainers = {t["name"]: t for t in self.runs.trainers()}
        self.assertEqual(5000, trainers["q-learning"]["presets"]["default"]["episodes"])

    def test_a_bad_config_key_is_refused_with_its_name(self):
        with self.assertRaises(ServerError) as refused:
            self.runs.run_create("q-learning", config={"learningRat": 0.5})
        self.assertEqual(400, refused.exception.status_code)
        self.assertIn("Unknown config key 'learningRat'", refused.exception.message)

    def test_an_unknown_run_is_refused(self):
        with self.assertRaises(ServerError) as refused:
            self.runs.run_status("no-such-run")
        self.assertEqual(400, refused.exception.status_code)

    def test_a_run_trains_streams_metrics_stops_resumes_and_its_files_come_back(self):
        # A budget no test waits for: the run ends when it is stopped.
        run_id = self.runs.run_create("q-learning", config={"episodes": 50000000, "checkpointEvery": 100000000},
                                      name="from-python", seed=4)
        self.assertEqual("from-python", run_id)
        wait_until(lambda: self.runs.run_status(run_id)["episodes"] > 0, "episodes are reported")
        self.runs.run_stop(run_id)
        stopped = self.runs.run_wait(run_id, timeout=60, poll_seconds=0.05)
        self.assertEqual("stopped", stopped["state"], stopped)
        self.assertEqual(4, stopped["config"]["seed"])
        first = stopped["episodes"]
        self.assertEqual(first, len(self.runs.run_metrics(run_id)))

        self.runs.run_resume(run_id)
        wait_until(lambda: self.runs.run_status(run_id)["episodes"] > first + 100, "the resumed run goes on")
        self.runs.run_stop(run_id)
        again = self.runs.run_wait(run_id, timeout=60, poll_seconds=0.05)
        self.assertEqual("stopped", again["state"], again)
        rows = self.runs.run_metrics(run_id)
        self.assertEqual(list(range(again["episodes"])), [row["episode"] for row in rows], "no episode lost or repeated")
        self.assertIn("charts/episodic_return", rows[-1])
        self.assertEqual(rows[first:], self.runs.run_metrics(run_id, since=first))
        self.assertTrue(self.runs.run_file(run_id, "learning-curve.png").startswith(b"\x89PNG"))
        csv = self.runs.run_file(run_id, "metrics.csv").decode("utf-8")
        self.assertEqual(again["episodes"] + 1, len(csv.splitlines()))
        self.assertIn(run_id, [run["id"] for run in self.runs.run_list()])
        self.runs.run_delete(run_id)
        self.assertNotIn(run_id, [run["id"] for run in self.runs.run_list()])

if __name__ == "__main__":
    unittest.main()
