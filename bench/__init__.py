"""zhqa's benchmarks: ``python -m bench`` (or ``bench/run``) runs the whole suite; see bench/README.md."""
