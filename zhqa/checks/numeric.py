"""Numeric consistency checks N4xx (GB/T 15835-2011 and arithmetic)."""
