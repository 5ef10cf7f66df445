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


class ExtractionError(Exception):
    """The PDF was read but is not something kinerja can load; `reason` is one of
    `schemas.status.QUARANTINE_REASONS` and `detail` the one-line message users see."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
