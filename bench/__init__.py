"""Benchmarks: each module `bench/bench_*.py` has `run() -> list[Figure]`.

Every figure is printed against a floor measured in the same run on the same machine,
because these machines are noisy and only ratios travel. Never part of the test suite.
"""
