#!/usr/bin/env python3
"""Unit tests of the peer benchmark's scorer: `python3 scripts/peers/test_score.py`."""
import sys
import unittest

sys.dont_write_bytecode = True
from score import score, value_ok  # noqa: E402


class ValueTests(unittest.TestCase):
    def test_equal_and_sub_day_durations(self):
        self.assertTrue(value_ok("1917-10-25", "1917-10-25"))
        self.assertTrue(value_ok("PT5H", "P5H"))
        self.assertFalse(value_ok("1917-10-26", "1917-10-25"))
        self.assertFalse(value_ok(None, "1917"))

    def test_range_sides(self):
        self.assertTrue(value_ok("1850-05/1932-02", "1932-02"))
        self.assertFalse(value_ok("1850-05/1932-02", "1931"))

    def test_finer_prediction_inside_a_coarser_gold_date(self):
        self.assertTrue(value_ok("1914-12-27", "1914-12"))
        self.assertTrue(value_ok("1914-12-27", "1914"))
        self.assertFalse(value_ok("1914-11-27", "1914-12"))
        # only calendar dates, not seasons or decades
        self.assertFalse(value_ok("1869-05-01", "1869-SP"))
        self.assertFalse(value_ok("1900-01-01", "190"))
        # and never a coarser prediction for a finer gold value
        self.assertFalse(value_ok("1914", "1914-12"))


class ScoreTests(unittest.TestCase):
    def test_overlap_exact_and_values(self):
        gold = {0: [(0, 10, "DATE", "1917-10-25"), (20, 30, "DURATION", "P3Y")],
                1: [(5, 9, "DATE", None)]}
        pred = {0: [[0, 10, "1917-10-25"], [22, 30, "P2Y"], [40, 45, "1900"]],
                1: [], 2: [[0, 3, None]]}
        s = score(gold, pred)
        self.assertEqual(s["predictions"], 4)
        self.assertAlmostEqual(s["P"], 2 / 4)
        self.assertAlmostEqual(s["R"], 2 / 3)
        self.assertAlmostEqual(s["F1"], 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
        self.assertAlmostEqual(s["exact_span_recall"], 1 / 3)
        self.assertEqual(s["with_value"], 2)
        self.assertAlmostEqual(s["value_right"], 1 / 2)
        self.assertEqual(s["with_date_value"], 1)
        self.assertAlmostEqual(s["date_value_right"], 1.0)

    def test_best_overlap_decides_the_value(self):
        gold = {0: [(10, 20, "DATE", "1881-02-09")]}
        pred = {0: [[0, 12, "2026-02-09"], [10, 20, "1881-02-09"]]}
        self.assertAlmostEqual(score(gold, pred)["value_right"], 1.0)


if __name__ == "__main__":
    unittest.main()
