"""Embedded digital signatures (pyHanko) and the signed mark of visible signature blocks.

Everything is real: a throw-away test CA and signers are generated here with
`cryptography` (their private keys live in memory only and are never written), copies of
the DJPb sample are PAdES-signed with pyHanko, changed after signing with an incremental
update, broken by editing their bytes, and run through the ingest flow. The copies are versions
of one agreement (bi shows one of them), so each is read from all_versions.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore
from typer.testing import CliRunner

from extractors.digital_signature import TrustRootsError, load_trust_roots, read_digital_signatures
from flows.cli import app
from flows.ingest import ingest
from tests.support import SAMPLES, query

DJPB = SAMPLES / "djpb-2024-pk-skp.pdf"
PROGRAM_1_PRINTED = b"79.534.353.000"
PROGRAM_1_CHANGED = b"79.524.353.000"  # the same width, so the page still lays out


# ---------------------------------------------------------------- a throw-away PKI


@dataclass(frozen=True)
class CaKeys:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class SignerKeys:
    cert: x509.Certificate
    signer: signers.SimpleSigner

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


def _name(common_name: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name), x509.NameAttribute(NameOID.ORGANIZATION_NAME, org)])


def _key_usage(*, sign_docs: bool, non_repudiation: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign_docs, content_commitment=sign_docs and non_repudiation, key_encipherment=False, data_encipherment=False,
        key_agreement=False, key_cert_sign=not sign_docs, crl_sign=not sign_docs, encipher_only=False, decipher_only=False,
    )


def make_ca(common_name: str) -> CaKeys:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    name = _name(common_name, "kinerja test only")
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(sign_docs=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return CaKeys(cert, key)


def make_signer(ca: CaKeys, common_name: str, *, non_repudiation: bool = True) -> SignerKeys:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(_name(common_name, "kinerja test unit")).issuer_name(ca.cert.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(_key_usage(sign_docs=True, non_repudiation=non_repudiation), critical=True)
        .sign(ca.key, hashes.SHA256())
    )
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(ca.cert.public_bytes(serialization.Encoding.DER))]),
    )
    return SignerKeys(cert, signer)


def write_roots(folder: Path, *cas: CaKeys) -> Path:
    """The CA certificates only (public): PEM for the first, DER for the others."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, ca in enumerate(cas):
        if i == 0:
            (folder / f"root-{i}.pem").write_bytes(ca.cert.public_bytes(serialization.Encoding.PEM))
        else:
            (folder / f"root-{i}.cer").write_bytes(ca.cert.public_bytes(serialization.Encoding.DER))
    (folder / "README.txt").write_text("not a certificate: ignored\n")
    return folder


# ---------------------------------------------------------------- PDFs signed, changed, broken


def sign(pdf: bytes, who: SignerKeys, field_name: str) -> bytes:
    meta = signers.PdfSignatureMetadata(field_name=field_name, subfilter=SigSeedSubFilter.PADES)
    out = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf)), meta, signer=who.signer)
    return out.getvalue()


def change_budget_after_signing(signed: bytes) -> bytes:
    """An incremental update that rewrites the budget page's content: program 1's amount."""
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    for page_ref in writer.root["/Pages"]["/Kids"]:
        page = page_ref.get_object()
        content = page["/Contents"]
        if isinstance(content, generic.StreamObject) and PROGRAM_1_PRINTED in content.data:
            stream = generic.StreamObject(stream_data=content.data.replace(PROGRAM_1_PRINTED, PROGRAM_1_CHANGED))
            stream.compress()
            page["/Contents"] = writer.add_object(stream)
            writer.update_container(page)
            break
    else:
        raise AssertionError("the budget page of the sample was not found")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SIG_CONTENTS = re.compile(rb"/Contents <([0-9A-Fa-f]+)>")


def contents_not_a_string(signed: bytes) -> bytes:
    """/Contents becomes an integer, padded to the same length so every offset still holds."""
    m = SIG_CONTENTS.search(signed)
    assert m is not None
    replacement = b"/Contents 0".ljust(m.end() - m.start())
    return signed[: m.start()] + replacement + signed[m.end() :]


def certificate_garbage(signed: bytes, who: SignerKeys) -> bytes:
    """The signer certificate inside the CMS blob: header kept, body overwritten."""
    cert_hex = who.der.hex().upper().encode()
    at = signed.find(cert_hex)
    assert at > 0, "the signer certificate was not found in the signature's hex string"
    header = 8  # 30 82 LL LL: SEQUENCE with a two-byte length
    garbage = b"FF" * ((len(cert_hex) - header) // 2)
    return signed[: at + header] + garbage + signed[at + len(cert_hex) :]


@dataclass(frozen=True)
class Corpus:
    folder: Path
    roots: Path
    signer: SignerKeys


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    base = tmp_path_factory.mktemp("signed")
    ca = make_ca("kinerja Test Root CA")
    first = make_signer(ca, "kinerja Test Signer Pertama")
    second = make_signer(ca, "kinerja Test Signer Kedua")
    stranger = make_signer(make_ca("kinerja Test Unknown CA"), "kinerja Test Stranger")
    original = DJPB.read_bytes()
    signed = sign(original, first, "Pihak Pertama")
    folder = base / "in"
    folder.mkdir()
    files = {
        "signed.pdf": signed,
        "double.pdf": sign(signed, second, "Pihak Kedua"),
        "modified.pdf": change_budget_after_signing(signed),
        "stranger.pdf": sign(original, stranger, "Pihak Pertama"),
        "bad-contents.pdf": contents_not_a_string(signed),
        "bad-certificate.pdf": certificate_garbage(signed, first),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    # The folder also holds a CA that signed nothing here: several roots are read.
    roots = write_roots(base / "roots", ca, make_ca("kinerja Test Other Root CA"))
    return Corpus(folder, roots, first)


@pytest.fixture(scope="module")
def without_roots(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "no-roots.duckdb"
    summary = ingest(paths=[str(corpus.folder)], db=str(db))
    assert {i.status for i in summary.items} == {"loaded"}, [(i.file, i.status, i.detail) for i in summary.items]
    return db


@pytest.fixture(scope="module")
def with_roots(corpus, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "roots.duckdb"
    summary = ingest(paths=[str(corpus.folder)], db=str(db), trust_roots=str(corpus.roots))
    assert {i.status for i in summary.items} == {"loaded"}
    return db


def signatures(db: Path) -> dict[str, list[dict]]:
    rows = query(
        db,
        "SELECT f.file_name, s.* FROM all_versions.digital_signatures s JOIN bi.documents f USING (document_id) "
        "ORDER BY f.file_name, s.field_name",
    )
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["file_name"], []).append(r)
    return out


def verdict(row: dict) -> tuple:
    return (row["field_name"], row["intact"], row["covers_whole_document"], row["trusted"], row["modification_level"])


# ---------------------------------------------------------------- digital signatures


def test_without_trust_roots_trusted_is_null(without_roots):
    sigs = signatures(without_roots)
    assert [verdict(r) for r in sigs["signed.pdf"]] == [("Pihak Pertama", True, True, None, "none")]
    assert [verdict(r) for r in sigs["double.pdf"]] == [
        ("Pihak Kedua", True, True, None, "none"),
        ("Pihak Pertama", True, False, None, "form_filling"),  # the second signature came after it
    ]
    assert [verdict(r) for r in sigs["modified.pdf"]] == [("Pihak Pertama", True, False, None, "other")]
    assert [verdict(r) for r in sigs["stranger.pdf"]] == [("Pihak Pertama", True, True, None, "none")]


def test_with_the_test_ca_configured_trust_is_decided(with_roots):
    sigs = signatures(with_roots)
    assert [verdict(r) for r in sigs["signed.pdf"]] == [("Pihak Pertama", True, True, True, "none")]
    assert [verdict(r) for r in sigs["double.pdf"]] == [
        ("Pihak Kedua", True, True, True, "none"),
        ("Pihak Pertama", True, False, True, "form_filling"),
    ]
    # Trust is about the certificate; the change after signing is what coverage reports.
    assert [verdict(r) for r in sigs["modified.pdf"]] == [("Pihak Pertama", True, False, True, "other")]
    assert [verdict(r) for r in sigs["stranger.pdf"]] == [("Pihak Pertama", True, True, False, "none")]


def test_signer_issuer_and_signing_time_are_read(without_roots):
    sigs = signatures(without_roots)
    second, first = sigs["double.pdf"]  # by field name: Pihak Kedua, Pihak Pertama
    assert (first["field_name"], first["signer_name"], first["signer_org"], first["issuer"]) == (
        "Pihak Pertama", "kinerja Test Signer Pertama", "kinerja test unit", "kinerja Test Root CA",
    )
    assert (second["field_name"], second["signer_name"]) == ("Pihak Kedua", "kinerja Test Signer Kedua")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # the warehouse keeps UTC without a zone
    assert now - dt.timedelta(minutes=10) < first["signing_time"] <= second["signing_time"] <= now
    assert sigs["stranger.pdf"][0]["issuer"] == "kinerja Test Unknown CA"
    assert all(r["error"] is None for name in ("signed.pdf", "double.pdf", "modified.pdf", "stranger.pdf") for r in sigs[name])


def test_modified_after_signing_is_loaded_flagged_and_read_as_it_is_now(without_roots):
    coverage = query(
        without_roots,
        "SELECT f.file_name, r.subject, r.status, r.stated, r.computed, r.difference FROM all_versions.reconciliation r "
        "JOIN bi.documents f USING (document_id) WHERE r.check_name = 'signature_coverage' ORDER BY 1, 2",
    )
    assert [(r["file_name"], r["subject"], r["status"]) for r in coverage] == [
        ("bad-certificate.pdf", "Pihak Pertama", "mismatch"),
        ("bad-contents.pdf", "Pihak Pertama", "mismatch"),
        ("double.pdf", "Pihak Kedua", "ok"),
        ("double.pdf", "Pihak Pertama", "ok"),  # only a later signature was appended
        ("modified.pdf", "Pihak Pertama", "mismatch"),
        ("signed.pdf", "Pihak Pertama", "ok"),
        ("stranger.pdf", "Pihak Pertama", "ok"),
    ]
    assert {(r["stated"], r["computed"], r["difference"]) for r in coverage} == {(None, None, None)}

    program_1 = query(
        without_roots,
        "SELECT f.file_name, b.amount_idr FROM all_versions.budget_lines b JOIN bi.documents f USING (document_id) "
        "WHERE b.level = 'program' AND b.program_no = 1 ORDER BY 1",
    )
    amounts = {r["file_name"]: r["amount_idr"] for r in program_1}
    assert amounts["modified.pdf"] == Decimal("79524353000")  # what the changed page shows
    assert amounts["signed.pdf"] == Decimal("79534353000")


def test_malformed_signatures_are_recorded_not_fatal(without_roots):
    sigs = signatures(without_roots)
    (contents,) = sigs["bad-contents.pdf"]
    assert contents["field_name"] == "Pihak Pertama"
    assert contents["error"].startswith("the signature dictionary cannot be read: PdfReadError")
    assert "/Contents" in contents["error"]
    assert (contents["intact"], contents["covers_whole_document"], contents["trusted"], contents["signer_name"]) == (None, None, None, None)

    (cert,) = sigs["bad-certificate.pdf"]
    assert cert["field_name"] == "Pihak Pertama"
    assert cert["error"].startswith("the signer certificate cannot be parsed:")
    assert (cert["intact"], cert["signer_name"]) == (None, None)

    loaded = query(without_roots, "SELECT file_name FROM bi.documents ORDER BY 1")
    assert [r["file_name"] for r in loaded] == [
        "bad-certificate.pdf", "bad-contents.pdf", "double.pdf", "modified.pdf", "signed.pdf", "stranger.pdf",
    ]
    targets = query(
        without_roots,
        "SELECT count(*) AS n FROM all_versions.indicator_targets t JOIN bi.documents f USING (document_id) WHERE f.file_name = 'bad-contents.pdf'",
    )
    assert targets[0]["n"] > 0


def test_unsigned_pdf_has_no_digital_signature_rows(ingested):
    db, _ = ingested
    of_djpb = "JOIN bi.documents f USING (document_id) WHERE f.file_name = ?"
    assert query(db, "SELECT count(*) AS n FROM bi.documents f WHERE f.file_name = ?", [DJPB.name]) == [{"n": 1}]
    assert query(db, f"SELECT count(*) AS n FROM all_versions.digital_signatures s {of_djpb}", [DJPB.name]) == [{"n": 0}]
    checks = f"SELECT count(*) AS n FROM all_versions.reconciliation r {of_djpb} AND r.check_name = 'signature_coverage'"
    assert query(db, checks, [DJPB.name]) == [{"n": 0}]
    assert read_digital_signatures(DJPB, trust_roots=None) == []


def test_trust_roots_folder_must_hold_certificates(tmp_path, corpus):
    assert len(load_trust_roots(corpus.roots)) == 2
    with pytest.raises(TrustRootsError, match="does not exist"):
        load_trust_roots(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(TrustRootsError, match="no CA certificate"):
        load_trust_roots(tmp_path / "empty")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "root.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    with pytest.raises(TrustRootsError, match="root.pem"):
        load_trust_roots(bad)

    result = CliRunner().invoke(app, ["ingest", str(DJPB), "--db", str(tmp_path / "w.duckdb"), "--trust-roots", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "no CA certificate" in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_reading_signatures_directly_matches_the_warehouse(corpus):
    (row,) = read_digital_signatures(corpus.folder / "signed.pdf", trust_roots=corpus.roots)
    assert (row.field_name, row.intact, row.covers_whole_document, row.trusted, row.modification_level, row.error) == (
        "Pihak Pertama", True, True, True, "none", None,
    )
    assert row.signing_time is not None and row.signing_time.tzinfo is not None


def test_a_digital_signature_only_certificate_is_trusted(tmp_path):
    """pyHanko's default demands the nonRepudiation key usage; CAs also issue
    document-signing certificates with digitalSignature alone."""
    ca = make_ca("kinerja Test Root CA")
    who = make_signer(ca, "kinerja Test Signer Tanpa NR", non_repudiation=False)
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(sign(DJPB.read_bytes(), who, "Pihak Pertama"))
    (row,) = read_digital_signatures(pdf, trust_roots=write_roots(tmp_path / "roots", ca))
    assert (row.signer_name, row.intact, row.trusted, row.error) == ("kinerja Test Signer Tanpa NR", True, True, None)


# ---------------------------------------------------------------- signed mark of visible blocks


def test_djpb_blocks_are_all_electronic(ingested, with_roots):
    db, _ = ingested
    marks = query(
        db,
        "SELECT s.signed_mark, s.electronic, count(*) AS n FROM all_versions.signatures s JOIN bi.documents f USING (document_id) "
        "WHERE f.file_name = ? GROUP BY ALL",
        [DJPB.name],
    )
    assert marks == [{"signed_mark": "electronic", "electronic": True, "n": 7}]
    # Signing the PDF adds nothing to the pages: the signed copies read the same.
    signed = query(with_roots, "SELECT DISTINCT signed_mark FROM all_versions.signatures")
    assert signed == [{"signed_mark": "electronic"}]


def _ink_png(path: Path) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (240, 90), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.line([(10, 70), (50, 15), (80, 75), (120, 20), (150, 70), (200, 30), (230, 55)], fill=(20, 30, 140, 255), width=5)
    img.save(path)
    return path


def agreement_pdf(path: Path, *, logo: Path, ink: Path | None, space: float = 52) -> Path:
    """A one-page PK with a logo in its heading, the ruled target table, then a
    wet-signature block whose signature space (``space`` points between the role and
    the name) holds the ``ink`` image or nothing."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    c.drawImage(str(logo), 60, height - 70, width=60, height=30, mask="auto")
    c.setFont("Helvetica-Bold", 11)
    c.drawCentredString(width / 2, height - 60, "PERJANJIAN KINERJA TAHUN 2016")
    c.drawCentredString(width / 2, height - 76, "KANTOR WILAYAH DIREKTORAT JENDERAL PERBENDAHARAAN PROVINSI JAWA BARAT")
    table = Table(
        [
            ["No", "Sasaran Program/Kegiatan", "Indikator Kinerja", "Target"],
            ["1", "Pelaksanaan anggaran yang berkualitas", "Nilai IKPA satuan kerja", "90"],
            ["2", "Layanan perbendaharaan yang andal", "Persentase SP2D tepat waktu", "100%"],
        ],
        colWidths=[30, 190, 190, 60],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 9)]))
    _, table_height = table.wrapOn(c, width, height)
    table.drawOn(c, 60, height - 110 - table_height)

    x, top = 340, height - 260
    c.setFont("Helvetica", 10)
    c.drawString(x, top, "Bandung, 29 Januari 2016")
    c.drawString(x, top - 14, "Kepala Kantor Wilayah,")
    if ink is not None:
        c.drawImage(str(ink), x - 5, top - 6 - space, width=110, height=40, mask="auto")
    c.drawString(x, top - 14 - space, "Dr. Ir. Contoh Penandatangan, M.Si.")
    c.drawString(x, top - 28 - space, "NIP 196801201992011003")
    c.showPage()
    c.save()
    return path


def test_signed_mark_image_and_none(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    ink = _ink_png(tmp_path / "ink.png")
    agreement_pdf(folder / "ink.pdf", logo=ink, ink=ink)
    agreement_pdf(folder / "blank.pdf", logo=ink, ink=None)  # the heading's logo is no signature
    # A signature space so tall that the role and the name fall apart into two text
    # groups: the image above the name still marks the block.
    agreement_pdf(folder / "ink-tall-space.pdf", logo=ink, ink=ink, space=100)
    shutil.copy(DJPB, folder / "djpb.pdf")
    db = tmp_path / "w.duckdb"
    summary = ingest(paths=[str(folder)], db=str(db))
    assert {i.status for i in summary.items} == {"loaded"}, [(i.file, i.reason, i.detail) for i in summary.items]
    rows = query(
        db,
        "SELECT f.file_name, s.name, s.role, s.electronic, s.signed_mark FROM all_versions.signatures s "
        "JOIN bi.documents f USING (document_id) WHERE f.file_name <> 'djpb.pdf' ORDER BY 1",
    )
    assert [(r["file_name"], r["electronic"], r["signed_mark"]) for r in rows] == [
        ("blank.pdf", False, "none"),
        ("ink-tall-space.pdf", False, "image"),
        ("ink.pdf", False, "image"),
    ]
    names = {r["file_name"]: r["name"] for r in rows if r["file_name"] != "ink-tall-space.pdf"}
    assert names == {"blank.pdf": "Dr. Ir. Contoh Penandatangan, M.Si.", "ink.pdf": "Dr. Ir. Contoh Penandatangan, M.Si."}
    djpb = query(db, "SELECT DISTINCT s.signed_mark FROM all_versions.signatures s JOIN bi.documents f USING (document_id) WHERE f.file_name = 'djpb.pdf'")
    assert djpb == [{"signed_mark": "electronic"}]
