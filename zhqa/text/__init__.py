"""Shared text knowledge: character classes, sentences, numerals, the page parser."""
