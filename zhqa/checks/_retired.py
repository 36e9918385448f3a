"""Retired check codes and where they went. A retired code is never reused."""

RETIRED: dict[str, str] = {}
