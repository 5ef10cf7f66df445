"""Embedded digital signatures (PAdES / CMS) validated with pyHanko on the file's own bytes.

Read before anything else touches the file: OCR or any rewrite of a copy would break
the signed byte ranges. Nothing is fetched from the network: no OCSP, CRL or AIA
look-ups (``allow_fetching=False``, revocation checking ``soft-fail``), and trust is
decided only against the CA certificates in the folder the user configures; without
that folder ``trusted`` is None, never the operating system's TLS trust store.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
from pathlib import Path
from typing import Any

from asn1crypto import pem, x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import EmbeddedPdfSignature, validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from schemas.records import DigitalSignature

CERT_SUFFIXES = {".pem", ".crt", ".cer", ".der"}
# CAs issue document-signing certificates with digitalSignature, nonRepudiation or both;
# pyHanko's default demands nonRepudiation and would call the others untrusted.
SIGNER_KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False)

_no_trust_roots = contextvars.ContextVar("kinerja_no_trust_roots", default=False)


class TrustRootsError(ValueError):
    """The configured trust-roots folder is missing, empty or holds an unreadable certificate."""


class _QuietValidation(logging.Filter):
    """pyHanko logs a warning with a traceback, per signature, for what the row records
    anyway: a later change it cannot explain (modification_level 'other', a
    signature_coverage finding) and, without trust roots, the chain it could not build
    (trusted NULL by design). With trust roots a chain warning stays, without the
    traceback of pyHanko's internals: its message says why a signer is not trusted."""

    def __init__(self, *, chain: bool):
        super().__init__()
        self.chain = chain

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            return True
        if self.chain and not _no_trust_roots.get():
            record.exc_info, record.exc_text = None, None
            return True
        return False


logging.getLogger("pyhanko.sign.validation.generic_cms").addFilter(_QuietValidation(chain=True))
logging.getLogger("pyhanko.sign.diff_analysis.policies").addFilter(_QuietValidation(chain=False))


def load_trust_roots(folder: Path) -> list[x509.Certificate]:
    """Every certificate in the *.pem/*.crt/*.cer/*.der files of ``folder`` (PEM files may
    hold several). A folder that yields none is an error, not 'trust nothing'."""
    if not folder.is_dir():
        raise TrustRootsError(f"the trust-roots folder {folder} does not exist or is not a folder")
    roots: list[x509.Certificate] = []
    for file in sorted(folder.iterdir()):
        if not file.is_file() or file.suffix.lower() not in CERT_SUFFIXES:
            continue
        data = file.read_bytes()
        try:
            if pem.detect(data):
                blobs = [der for kind, _, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"]
            else:
                blobs = [data]
            for der in blobs:
                cert = x509.Certificate.load(der)
                cert.subject.native  # asn1crypto parses lazily: fail here, not mid-validation
                roots.append(cert)
        except Exception as exc:
            raise TrustRootsError(f"{file} is not a PEM or DER X.509 certificate: {exc}") from exc
    if not roots:
        raise TrustRootsError(f"no CA certificate (*.pem, *.crt, *.cer, *.der) found in {folder}")
    return roots


def read_digital_signatures(path: str | Path, *, trust_roots: Path | None) -> list[DigitalSignature]:
    """One DigitalSignature per filled signature field, in field order. A field that cannot
    be read or validated becomes a row with ``error`` set; this never raises for the file's
    content (only for an unusable ``trust_roots`` folder)."""
    roots = load_trust_roots(trust_roots) if trust_roots is not None else None
    with open(path, "rb") as fh:
        try:
            reader = PdfFileReader(fh, strict=False)
            if reader.encrypted:
                reader.decrypt(b"")  # the empty user password opens most 'protected' PDFs
            fields = list(enumerate_sig_fields(reader, filled_status=True))
        except Exception as exc:
            if _mentions_signature(path):
                return [DigitalSignature(field_name=None, error=f"the signature fields cannot be read: {_describe(exc)}")]
            return []
        token = _no_trust_roots.set(roots is None)
        try:
            return [_validate(reader, name, field, roots) for name, _, field in fields]
        finally:
            _no_trust_roots.reset(token)


def _validate(reader: PdfFileReader, name: str, field: Any, roots: list[x509.Certificate] | None) -> DigitalSignature:
    try:
        emb = EmbeddedPdfSignature(reader, field, name)
    except Exception as exc:
        return DigitalSignature(field_name=name, error=f"the signature dictionary cannot be read: {_describe(exc)}")
    try:
        cert = emb.signer_cert
        who = {
            "signer_name": _name_part(cert.subject, "common_name"),
            "signer_org": _name_part(cert.subject, "organization_name"),
            "issuer": _name_part(cert.issuer, "common_name") or cert.issuer.human_friendly,
        }
    except Exception as exc:
        return DigitalSignature(field_name=name, error=f"the signer certificate cannot be parsed: {_describe(exc)}")
    context = ValidationContext(trust_roots=roots or [], allow_fetching=False, revocation_mode="soft-fail")
    try:
        if emb.sig_object_type == "/DocTimeStamp":
            status: Any = validate_pdf_timestamp(emb, validation_context=context)
            signed_at = status.timestamp
        else:
            status = validate_pdf_signature(emb, context, key_usage_settings=SIGNER_KEY_USAGE)
            ts = status.timestamp_validity
            signed_at = status.signer_reported_dt or (ts.timestamp if ts is not None else None)
    except Exception as exc:
        return DigitalSignature(field_name=name, **who, error=f"validation failed: {_describe(exc)}")
    level = status.modification_level
    return DigitalSignature(
        field_name=name,
        **who,
        signing_time=signed_at.astimezone(dt.UTC) if signed_at is not None else None,
        intact=bool(status.intact),
        covers_whole_document=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        trusted=bool(status.trusted) if roots is not None else None,
        modification_level=level.name.lower() if level is not None else None,
        error=None if status.valid else "the signature value does not verify against the signer certificate",
    )


def _name_part(name: x509.Name, key: str) -> str | None:
    value = name.native.get(key)
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    return str(value) if value else None


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _mentions_signature(path: str | Path) -> bool:
    """pyHanko could not parse the file's structure: tell 'no signature' from 'unreadable'."""
    return b"/ByteRange" in Path(path).read_bytes()
