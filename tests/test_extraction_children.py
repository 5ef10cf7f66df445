"""Extraction children read documents one after another: a document's verdict is the one a
fresh process gives, and whatever may have hurt a child (a quarantine, a timeout) retires it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flows import isolation
from flows.isolation import extract_in_child
from flows.pipeline import extract_checked
from flows.settings import Limits
from schemas.records import Document
from tests.pdf_mutations import slow_page
from tests.support import SAMPLES

CORPUS = sorted(SAMPLES.glob("*.pdf"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_child_reading_many_documents_gives_each_the_verdict_of_a_fresh_process():
    limits = Limits(timeout_s=120)
    # Twice over, in opposite orders: a document must not depend on the ones read before it.
    through_children = {}
    for order in (CORPUS, CORPUS[::-1]):
        for path in order:
            extracted = extract_in_child(str(path), _sha(path), limits)
            assert isinstance(extracted.result, Document), (path.name, extracted.result)
            through_children.setdefault(path.name, []).append(extracted)
    pids = {e.child_pid for runs in through_children.values() for e in runs}
    assert len(pids) < len(CORPUS), "documents were not read by long-lived children"
    for path in CORPUS:
        fresh = extract_checked(str(path), _sha(path), limits)
        for extracted in through_children[path.name]:
            assert extracted.result.model_dump() == fresh.model_dump(), path.name


def test_a_quarantine_or_a_timeout_retires_the_child(tmp_path):
    limits = Limits(timeout_s=3)
    good = CORPUS[0]
    first = extract_in_child(str(good), _sha(good), limits)
    again = extract_in_child(str(good), _sha(good), limits)
    assert first.child_pid == again.child_pid, "a healthy child takes the next document"

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    quarantined = extract_in_child(str(broken), _sha(broken), limits)
    assert quarantined.child_pid == again.child_pid and not isinstance(quarantined.result, Document)
    after_quarantine = extract_in_child(str(good), _sha(good), limits)
    assert after_quarantine.child_pid != quarantined.child_pid

    slow = tmp_path / "slow.pdf"
    slow.write_bytes(slow_page())
    timed_out = extract_in_child(str(slow), _sha(slow), limits)
    assert timed_out.result.reason == "timeout"
    after_timeout = extract_in_child(str(good), _sha(good), limits)
    assert isinstance(after_timeout.result, Document)
    assert after_timeout.child_pid != after_quarantine.child_pid, "the timed-out child was killed, not reused"


def test_a_child_is_retired_after_its_share_of_documents(monkeypatch):
    monkeypatch.setattr(isolation, "CHILD_DOCUMENTS", 2)
    limits = Limits(timeout_s=60, max_pages=400)  # limits of their own: no child of another test
    pids = [extract_in_child(str(path), _sha(path), limits).child_pid for path in CORPUS[:5]]
    assert pids[0] == pids[1] != pids[2] == pids[3] != pids[4]



def test_callers_beyond_the_workers_wait_for_a_free_child_instead_of_starting_one():
    """The flow keeps a task more in flight than its workers (flows.ingest._settle): the extra
    caller must wait for a child, not start one of its own."""
    from concurrent.futures import ThreadPoolExecutor

    limits = Limits(timeout_s=61, max_pages=401)  # limits of their own: no idle child of another test
    with isolation.children_at_most(2), ThreadPoolExecutor(max_workers=6) as pool:
        read = list(pool.map(lambda path: extract_in_child(str(path), _sha(path), limits), CORPUS[:6]))
    assert all(isinstance(e.result, Document) for e in read)
    assert len({e.child_pid for e in read}) == 2, "six callers at once, two workers: two children read all six"
