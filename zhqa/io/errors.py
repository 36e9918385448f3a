"""Errors the readers raise: an input that cannot be read at all."""


class InputError(Exception):
    """This input cannot be read; the message says why in one line."""


class UsageError(Exception):
    """The command line or config asks for something impossible (exit 2)."""
