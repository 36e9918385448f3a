"""Engines run a plan over inputs: local (process pool) and Spark."""
