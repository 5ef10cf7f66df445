"""What kind of document a PDF is, from its headings (never from its file name)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import islice

from schemas.text import fold

# Performance documents kinerja knows; only agreements (PK) and SKPs yield fact rows.
DOCUMENT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("keputusan", re.compile(r"^keputusan\b")),
    ("cascading_kinerja", re.compile(r"^(cascad(e|ing)|pohon kinerja)\b")),
    ("dasar_hitung_target", re.compile(r"^(laporan )?dasar (peng)?hitung(an)?\b")),
    ("data_capaian_kinerja", re.compile(r"^(lampiran )?data (pen)?capaian\b")),
    ("pengukuran_kinerja", re.compile(r"^pengukuran kinerja\b")),
    ("lkjip", re.compile(r"\b(laporan (akuntabilitas )?kinerja|lkjip|lakip|lkip|lkj ip|ikhtisar eksekutif)\b|^bab i\b")),
    ("rencana_aksi", re.compile(r"^rencana aksi\b")),
    ("rkt", re.compile(r"\brencana kinerja tahunan\b|\brkt\b")),
    ("evaluasi_renja", re.compile(r"\bevaluasi\b.*\brenja\b|\bevaluasi terhadap hasil\b|\brealisasi kinerja pada triwulan\b")),
    ("realisasi_iku", re.compile(r"\b(bukti )?realisasi\b.*\biku\b|\be iku\b")),
    ("iku", re.compile(r"^indikator kinerja utama\b|\bpenetapan indikator kinerja utama\b")),
    ("skp", re.compile(r"\bsasaran kinerja pegawai\b")),
    ("perjanjian_kinerja", re.compile(r"\b(perjanjian|penetapan|pernyataan perjanjian) kinerja\b|\brincian target kinerja\b")),
)
# A cascade (pohon kinerja) that prints no title: a tree of VISI, MISI and Tujuan boxes.
CASCADE_LABELS = (re.compile(r"^visi\b"), re.compile(r"^misi\b"), re.compile(r"^tujuan\b"))
FACT_KINDS = frozenset({"perjanjian_kinerja", "skp"})
FIRST_LINES = 80  # the first lines of the first pages decide


def classify_lines(lines: Iterable[str]) -> str | None:
    """The first line that names a known kind decides (a report's cover comes first). Lines
    are read only up to that one: later pages are not grouped into lines for nothing."""
    for text in islice(lines, FIRST_LINES):
        folded = fold(text)
        for kind, pattern in DOCUMENT_KINDS:
            if pattern.search(folded):
                return kind
    return None


def is_cascade(lines: Sequence[str]) -> bool:
    """VISI, MISI and Tujuan labels among the opening lines, and no table title: a cascade diagram."""
    folded = [fold(t) for t in lines[:FIRST_LINES]]
    return all(any(label.match(t) for t in folded) for label in CASCADE_LABELS)
