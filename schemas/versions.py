"""What makes two loaded documents versions of one agreement, computed once per document.

A unit re-issues its agreement for a year (a 'REVISI I', a later signed copy): the same
unit, year and kind of document, signed by the same people. The cascade of a Pemda (the
head's PK, each Kabid's, each Kasi's) shares unit and year but not signers, so signers are
part of the key. These keys are stored with the document; the chains themselves are SQL
(warehouse/sql/models/document_versions.sql).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from schemas.records import Document
from schemas.text import fold

HONORIFIC = re.compile(r"\b(?:prof|dr|drs|dra|ir|hj|h)\b\.?")


def person_key(name: str | None) -> str | None:
    """'Dr. Ir. H. Budi Santoso, S.E., M.Ak.' -> 'budisantoso': the name without degrees
    (after the first comma) and honorifics, letters only."""
    if not name:
        return None
    bare = HONORIFIC.sub(" ", fold(name.split(",")[0]))
    letters = re.sub(r"[^a-z]", "", bare)
    return letters or None


def signers_key(doc: Document) -> str | None:
    """Who signed: the sorted NIPs read (parties and signature blocks), else the sorted
    name keys; None when nobody was read (such a document is never taken as a version)."""
    nips = {s.nip.digits for s in doc.signatures if s.nip and s.nip.valid} | {p.nip for p in doc.parties if p.nip}
    if nips:
        return ",".join(sorted(nips))
    names = {person_key(s.name) for s in doc.signatures} | {person_key(p.name) for p in doc.parties}
    names.discard(None)
    return ",".join(sorted(n for n in names if n)) or None


def content_key(doc: Document) -> str | None:
    """A hash of what the document states (targets as printed, budget amounts), whatever its
    pages and producer: two files with the same key are copies of one version."""
    facts = [f"t|{t.source}|{t.indicator_code}|{t.indicator}|{t.target.raw}" for t in doc.indicator_targets]
    facts += [f"p|{p.source}|{p.indicator_code}|{p.indicator}|{p.period}|{p.target.raw}" for p in doc.period_targets]
    facts += [f"b|{b.program}|{b.activity}|{b.amount_idr}" for b in doc.budget_lines]
    if not facts:
        return None
    return hashlib.sha256("\n".join(sorted(facts)).encode()).hexdigest()


def latest_signing(doc: Document) -> dt.date | None:
    """The latest date among the visible signature blocks."""
    dates = [s.signed_on for s in doc.signatures if s.signed_on]
    return max(dates) if dates else None
