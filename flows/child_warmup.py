"""Imported once by the extraction forkserver (flows.isolation): every module and cache an
extraction child needs, so that each forked child starts warm (the pages are shared
copy-on-write) instead of paying about two seconds of imports per document."""

import gc
import importlib.util
import signal

import pdfplumber  # noqa: F401
import pypdfium2  # noqa: F401

import extractors.digital_signature  # noqa: F401
import flows.isolation  # noqa: F401
import flows.pipeline  # noqa: F401
from schemas.matching import indicator_tokens

indicator_tokens("Indeks kepuasan pengguna layanan")  # loads spaCy's Indonesian tokenizer

# Ctrl-C and `timeout` signal the whole process group: the forkserver must outlive that
# (a child started in the same instant would fail with EOFError and look like a crash);
# the run's process stops the children itself, and the forkserver ends when that process does.
signal.signal(signal.SIGTERM, signal.SIG_IGN)

if importlib.util.find_spec("camelot") is not None:
    import camelot  # noqa: F401  (the borderless-table reader, imported on first use otherwise)

# Every object above lives as long as the forkserver: out of the collector's reach, a child's
# collections neither scan them (about a tenth of its CPU) nor write their pages (copy-on-write).
gc.collect()
gc.freeze()
