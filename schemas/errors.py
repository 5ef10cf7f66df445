"""The one exception the value parsers raise."""

from __future__ import annotations


class ParseError(ValueError):
    """Text that a parser cannot read. The message quotes the input."""

    def __init__(self, what: str, text: object, why: str | None = None) -> None:
        message = f"cannot parse {what} from {text!r}"
        if why:
            message += f": {why}"
        super().__init__(message)
        self.text = text
