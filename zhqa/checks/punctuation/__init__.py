"""Punctuation checks P2xx (GB/T 15834-2011). Importing this package registers them."""

from zhqa.checks.punctuation import halfwidth, marks, pairs, quotes, spacing  # noqa: F401
