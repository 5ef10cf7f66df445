"""Imported once by the extraction forkserver (flows.isolation): every module and cache an
extraction child needs, so that each forked child starts warm (the pages are shared
copy-on-write) instead of paying about two seconds of imports per document."""

import importlib.util

import pdfplumber  # noqa: F401
import pypdfium2  # noqa: F401

import extractors.digital_signature  # noqa: F401
import flows.isolation  # noqa: F401
from schemas.matching import indicator_tokens

indicator_tokens("Indeks kepuasan pengguna layanan")  # loads spaCy's Indonesian tokenizer

if importlib.util.find_spec("camelot") is not None:
    import camelot  # noqa: F401  (the borderless-table reader, imported on first use otherwise)
