"""Punctuation checks P2xx (GB/T 15834-2011)."""
