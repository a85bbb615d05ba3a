"""One kind of error a person sees: a single line saying what is wrong and what to do."""


class LetitoutError(Exception):
    """Raised for bad input or a missing resource; the CLI prints it as one line, no traceback."""
