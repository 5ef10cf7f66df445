"""What kind of document a PDF is, from its headings (never from its file name)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from schemas.text import fold

# Performance documents kinerja knows; only agreements (PK) and SKPs yield fact rows.
DOCUMENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("keputusan", re.compile(r"^keputusan\b")),
    ("lkjip", re.compile(r"\b(laporan (akuntabilitas )?kinerja|lkjip|lakip|lkip|lkj ip|ikhtisar eksekutif)\b|^bab i\b")),
    ("rencana_aksi", re.compile(r"\brencana aksi\b")),
    ("rkt", re.compile(r"\brencana kinerja tahunan\b|\brkt\b")),
    ("evaluasi_renja", re.compile(r"\bevaluasi\b.*\brenja\b|\bevaluasi terhadap hasil\b|\brealisasi kinerja pada triwulan\b")),
    ("realisasi_iku", re.compile(r"\b(bukti )?realisasi\b.*\biku\b|\be iku\b")),
    ("iku", re.compile(r"^indikator kinerja utama\b|\bpenetapan indikator kinerja utama\b")),
    ("skp", re.compile(r"\bsasaran kinerja pegawai\b")),
    ("perjanjian_kinerja", re.compile(r"\b(perjanjian|penetapan|pernyataan perjanjian) kinerja\b|\brincian target kinerja\b")),
)
FACT_KINDS = frozenset({"perjanjian_kinerja", "skp"})
FIRST_LINES = 80  # the first lines of the first pages decide


def classify_lines(lines: Sequence[str]) -> str | None:
    """The first line that names a known kind decides (a report's cover comes first)."""
    for text in lines[:FIRST_LINES]:
        folded = fold(text)
        for kind, pattern in DOCUMENT_KINDS:
            if pattern.search(folded):
                return kind
    return None
