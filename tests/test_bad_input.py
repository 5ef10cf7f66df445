"""Every bad input ends quarantined with CONTRACT.md's reason and a detail a person can act on;
hostile inputs (bombs, nesting, huge page counts, hostile file names) cost one document, never the run."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from flows.failures import classify_failure
from flows.ingest import ingest, store
from tests.pdf_mutations import (
    decompression_bomb,
    deeply_nested,
    deeply_nested_dicts,
    huge_page_count,
    slow_page,
    unknown_security_handler,
)
from tests.support import SAMPLES, query

pytestmark = pytest.mark.usefixtures("prefect_api")

DJPB = SAMPLES / "djpb-2024-pk-skp.pdf"
MEDAN = SAMPLES / "kppn-medan2-2026-pk.pdf"


def _verdicts(db: Path) -> dict[str, dict]:
    return {r["file_name"]: r for r in query(db, "SELECT * FROM bi.files")}


def _encrypt(source: Path, target: Path, user_password: str) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    with source.open("rb") as fh:
        writer = copy_into_new_writer(PdfFileReader(fh))
        writer.encrypt(owner_pass=b"pemilik", user_pass=user_password.encode())
        with target.open("wb") as out:
            writer.write(out)


def _text_pdf(target: Path, lines: list[str], pages: int = 1) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(target), pagesize=A4, invariant=1)
    for _ in range(pages):
        for n, line in enumerate(lines):
            c.drawString(72, 760 - 20 * n, line)
        c.showPage()
    c.save()


def _scan_pdf(target: Path) -> None:
    """A page that is only a picture of text: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(picture).text((100, 100), "PERJANJIAN KINERJA TAHUN 2024", fill=0)
    buf = io.BytesIO()
    picture.save(buf, format="PNG")
    buf.seek(0)
    c = canvas.Canvas(str(target), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()


def _bad_ascii85(source: Path) -> bytes:
    """A sample whose first content stream holds bytes ASCII85 cannot hold: PDFium opens the
    file (it decodes lazily), pdfminer raises while reading the page."""
    data = source.read_bytes()
    start = data.index(b"stream", data.index(b"ASCII85Decode")) + len(b"stream\n")
    return data[:start] + b"\xff\xfe\xfd\xfc" + data[start + 4 :]


def test_each_bad_input_gets_its_reason_and_an_actionable_detail(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "surat.pdf").write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # a .docx renamed
    (folder / "download.pdf").write_bytes(b"<!DOCTYPE html><html><body>Sesi habis</body></html>")
    (folder / "truncated.pdf").write_bytes(DJPB.read_bytes()[: DJPB.stat().st_size * 6 // 10])
    (folder / "no-root.pdf").write_bytes(MEDAN.read_bytes().replace(b"/Root", b"/Rote"))
    (folder / "bad-stream.pdf").write_bytes(_bad_ascii85(MEDAN))
    _encrypt(DJPB, folder / "locked.pdf", "rahasia")
    _scan_pdf(folder / "scan.pdf")
    _text_pdf(folder / "undangan.pdf", ["Undangan rapat koordinasi", "Dengan hormat, kami mengundang Bapak/Ibu."])
    _text_pdf(folder / "laporan-tebal.pdf", ["Lampiran laporan"], pages=6)
    (folder / "claims-a-million-pages.pdf").write_bytes(huge_page_count(1_000_000))
    (folder / "nested-arrays.pdf").write_bytes(deeply_nested())
    (folder / "nested-dicts.pdf").write_bytes(deeply_nested_dicts())
    (folder / "plug-in-lock.pdf").write_bytes(unknown_security_handler())

    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[str(folder)], db=str(db), max_pages=5, workers=2)
    assert len(summary.items) == 14
    got = {name: (r["status"], r["reason"]) for name, r in _verdicts(db).items()}
    assert got == {
        "empty.pdf": ("quarantined", "empty"),
        "surat.pdf": ("quarantined", "not_a_pdf"),
        "download.pdf": ("quarantined", "not_a_pdf"),
        "truncated.pdf": ("quarantined", "corrupt"),
        "no-root.pdf": ("quarantined", "corrupt"),
        "bad-stream.pdf": ("quarantined", "corrupt"),
        "locked.pdf": ("quarantined", "encrypted"),
        "scan.pdf": ("quarantined", "requires_ocr"),
        "undangan.pdf": ("quarantined", "not_a_performance_document"),
        "laporan-tebal.pdf": ("quarantined", "too_large"),
        "claims-a-million-pages.pdf": ("quarantined", "too_large"),
        # pdfminer's parser is iterative: deep nesting is parsed, the page has no agreement
        "nested-arrays.pdf": ("quarantined", "not_a_performance_document"),
        "nested-dicts.pdf": ("quarantined", "not_a_performance_document"),
        "plug-in-lock.pdf": ("quarantined", "encrypted"),
    }
    detail = {name: r["detail"] for name, r in _verdicts(db).items()}
    assert "ZIP container" in detail["surat.pdf"] and "HTML page" in detail["download.pdf"]
    assert "truncated download" in detail["truncated.pdf"]
    assert "--password-file" in detail["locked.pdf"]
    assert "security handler kinerja cannot open (/Filter /FOPN_fLock)" in detail["plug-in-lock.pdf"]
    assert detail["laporan-tebal.pdf"].startswith("the PDF declares 6 pages, more than the limit of 5 (--max-pages)")
    assert detail["claims-a-million-pages.pdf"].startswith("the PDF declares 1000000 pages")
    assert "OCR" in detail["scan.pdf"]
    assert all("\n" not in d for d in detail.values()), "details are one line"
    tracebacks = {name: r["traceback"] for name, r in _verdicts(db).items() if r["traceback"]}
    assert set(tracebacks) == {"bad-stream.pdf", "no-root.pdf"} or set(tracebacks) == {"bad-stream.pdf"}
    assert "pdfminer" in tracebacks["bad-stream.pdf"] and "Traceback" in tracebacks["bad-stream.pdf"]
    assert query(db, "SELECT count(*) AS n FROM bi.documents") == [{"n": 0}]


def test_encrypted_pdf_loads_with_a_password_file_and_keeps_the_hash_of_its_bytes(tmp_path, monkeypatch):
    locked = tmp_path / "in" / "pk-terkunci.pdf"
    locked.parent.mkdir()
    _encrypt(DJPB, locked, "rahasia")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("salah\n", encoding="utf-8")
    right = tmp_path / "passwords.txt"
    right.write_text("salah\nrahasia\n", encoding="utf-8")

    refused = ingest(paths=[str(locked)], db=str(tmp_path / "a.duckdb"), password_file=str(wrong))
    assert [(i.reason, i.detail) for i in refused.items] == [
        ("encrypted", "the PDF is password-protected and none of the 1 passwords given opens it")
    ]

    monkeypatch.setenv("KINERJA_PASSWORDS_FILE", str(right))
    db = tmp_path / "b.duckdb"
    opened = ingest(paths=[str(locked)], db=str(db))
    sha = hashlib.sha256(locked.read_bytes()).hexdigest()
    assert [(i.status, i.document_id) for i in opened.items] == [("loaded", sha)]
    plain = ingest(paths=[str(DJPB)], db=str(tmp_path / "plain.duckdb"))
    assert plain.items[0].document_id != sha
    sql = "SELECT source, indicator_code, target_raw FROM bi.indicator_targets ORDER BY source, indicator_code, target_raw"
    assert query(db, sql) == query(tmp_path / "plain.duckdb", sql)
    assert len(query(db, sql)) == 40


def test_a_decompression_bomb_hits_the_memory_limit_not_the_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.pdf").write_bytes(decompression_bomb(inflated_mib=1024))
    shutil.copy(MEDAN, folder / "medan.pdf")
    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[str(folder)], db=str(db), max_memory_mb=1024)
    got = {Path(i.file).name: (i.status, i.reason) for i in summary.items}
    assert got == {"bomb.pdf": ("quarantined", "too_large"), "medan.pdf": ("loaded", None)}
    bomb = _verdicts(db)["bomb.pdf"]
    assert bomb["detail"].startswith("parsing it exceeded the memory limit of 1024 MiB (--max-memory-mb)")
    assert Path(bomb["file_path"]).stat().st_size < 3 << 20  # small on disk, GiBs inflated


def test_a_document_over_the_time_limit_is_stopped_and_the_next_one_loads(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-slow.pdf").write_bytes(slow_page())
    shutil.copy(MEDAN, folder / "b-medan.pdf")
    summary = ingest(paths=[str(folder)], db=str(tmp_path / "w.duckdb"), timeout_s=2)
    got = {Path(i.file).name: (i.status, i.reason) for i in summary.items}
    assert got == {"a-slow.pdf": ("quarantined", "timeout"), "b-medan.pdf": ("loaded", None)}
    slow = next(i for i in summary.items if i.reason == "timeout")
    assert 2 <= slow.seconds < 6, "the child is killed at the limit, not when it finishes"
    assert "longer than 2 s (--timeout)" in slow.detail


def test_a_file_over_the_byte_limit_is_too_large(tmp_path):
    summary = ingest(paths=[str(DJPB)], db=str(tmp_path / "w.duckdb"), max_mb=0.01)
    assert [(i.reason, i.detail) for i in summary.items] == [
        ("too_large", "the file has 25 KiB, more than the limit of 10 KiB (--max-mb)")
    ]


def test_an_unexpected_exception_keeps_its_full_traceback_in_the_warehouse(tmp_path):
    from schemas.periods import parse_period
    from warehouse.db import open_warehouse

    try:
        parse_period("Semester II")  # a real exception raised inside kinerja's own code
    except Exception as exc:  # noqa: BLE001
        verdict = classify_failure(exc)
    assert verdict.reason == "extraction_failed"
    assert "schemas/periods.py" in verdict.detail and "bi.files.traceback" in verdict.detail
    db = tmp_path / "w.duckdb"
    con = open_warehouse(db)
    try:
        store(con, "run-1", str(tmp_path / "x.pdf"), "ab" * 32, verdict)
    finally:
        con.close()
    row = _verdicts(db)["x.pdf"]
    assert (row["status"], row["reason"]) == ("quarantined", "extraction_failed")
    assert row["traceback"].startswith("Traceback (most recent call last)")
    assert "in parse_period" in row["traceback"]


HOSTILE_NAMES = [
    "Robert'); DROP TABLE core.files;--.pdf",
    'kutip "ganda" dan \\ garis.pdf',
    "baris\nbaru.pdf",
    "Perjanjian Kinerja — Direktorat Jenderal ü 财政.pdf",
]


def test_hostile_file_names_are_stored_as_they_are(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    sources = [DJPB, MEDAN, SAMPLES / "kppn-malang-2025-pk.pdf", SAMPLES / "djkn-dit-penilaian-2023-skp.pdf"]
    for name, source in zip(HOSTILE_NAMES, sources):
        shutil.copy(source, folder / name)
    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[str(folder)], db=str(db))
    assert sorted(i.status for i in summary.items) == ["loaded"] * 4
    assert sorted(r["file_name"] for r in query(db, "SELECT file_name FROM bi.files")) == sorted(HOSTILE_NAMES)
    assert sorted(r["file_name"] for r in query(db, "SELECT file_name FROM bi.documents")) == sorted(HOSTILE_NAMES)
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM core.files").fetchone() == (4,)  # the table is still there
    finally:
        con.close()
