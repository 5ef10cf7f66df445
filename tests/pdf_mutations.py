"""Damaged and hostile PDFs, built at test time from real ones (seeded, reproducible)."""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from pathlib import Path

_OBJECT = re.compile(rb"\n(\d+) 0 obj\b.*?endobj", re.DOTALL)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_XREF = re.compile(rb"xref\r?\n.*?%%EOF", re.DOTALL)


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        i = rng.randrange(8, len(out))  # keep the header: a non-PDF is a different verdict
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(16, len(data) - 1)]


def delete_object(data: bytes, rng: random.Random) -> bytes:
    found = list(_OBJECT.finditer(data))
    if not found:
        return flip_bytes(data, rng)
    m = rng.choice(found)
    return data[: m.start()] + data[m.end() :]


def duplicate_xref(data: bytes, rng: random.Random) -> bytes:
    """A second (stale) xref section and trailer appended, as a bad incremental save leaves."""
    found = list(_XREF.finditer(data))
    if not found:
        return data + b"\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n0\n%%EOF\n"
    section = found[-1].group(0)
    shifted = re.sub(rb"\d{10} 00000 n", lambda m: b"%010d 00000 n" % rng.randrange(len(data)), section)
    return data + b"\n" + shifted + b"\n"


def garbage_stream(data: bytes, rng: random.Random) -> bytes:
    found = list(_STREAM.finditer(data))
    if not found:
        return flip_bytes(data, rng)
    m = rng.choice(found)
    junk = rng.randbytes(max(1, len(m.group(1)) + rng.randint(-16, 16)))
    return data[: m.start(1)] + junk + data[m.end(1) :]


def shift_offsets(data: bytes, rng: random.Random) -> bytes:
    """Bytes inserted mid-file: every xref offset after them is wrong."""
    i = rng.randrange(len(data) // 4, len(data) // 2)
    return data[:i] + rng.randbytes(rng.randint(1, 64)) + data[i:]


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": flip_bytes,
    "truncate": truncate,
    "delete_object": delete_object,
    "duplicate_xref": duplicate_xref,
    "garbage_stream": garbage_stream,
    "shift_offsets": shift_offsets,
}


def write_variants(sources: list[Path], folder: Path, count: int, seed: int) -> list[Path]:
    """``count`` mutated copies, each mutation and source chosen round-robin, bytes seeded."""
    rng = random.Random(seed)
    originals = [(p.stem, p.read_bytes()) for p in sources]
    kinds = list(MUTATIONS)
    written: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        stem, data = originals[n % len(originals)]
        kind = kinds[(n // len(originals)) % len(kinds)] if count > len(originals) else kinds[n % len(kinds)]
        target = folder / f"{n:04d}-{kind}-{stem}.pdf"
        target.write_bytes(MUTATIONS[kind](data, rng))
        written.append(target)
    return written


# ---------------------------------------------------------------- hostile files


def _pdf(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A well-formed PDF (correct xref) around the given object bodies, numbered from 1."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _one_page(content: bytes, page_extra: bytes = b"", pages_extra: bytes = b"/Count 1") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] " + pages_extra + b" >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b">>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def unknown_security_handler(handler: bytes = b"FOPN_fLock") -> bytes:
    """A page encrypted (so its /Encrypt says) by a plug-in security handler no reader ships."""
    objects = _one_page(_stream(b"BT /F1 12 Tf 72 720 Td (rahasia) Tj ET"))
    objects.append(b"<< /Filter /" + handler + b" /V 1 /R 2 /P -4 /O (" + b"o" * 32 + b") /U (" + b"u" * 32 + b") >>")
    return _pdf(objects, trailer_extra=b"/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] ")


def decompression_bomb(inflated_mib: int = 2048) -> bytes:
    """A page whose content stream is a few MiB of zlib that inflates to ``inflated_mib`` MiB."""
    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    packed = b"".join(packer.compress(block) for _ in range(inflated_mib)) + packer.flush()
    return _pdf(_one_page(_stream(packed, b"/Filter /FlateDecode ")))


def deeply_nested(depth: int = 100_000) -> bytes:
    """A page resource dictionary holding arrays nested ``depth`` deep."""
    nest = b"[" * depth + b"]" * depth
    return _pdf(_one_page(_stream(b"BT /F1 12 Tf 72 720 Td (Perjanjian Kinerja) Tj ET"), page_extra=b"/Deep " + nest + b" "))


def deeply_nested_dicts(depth: int = 50_000) -> bytes:
    nest = b"<< /A " * depth + b"1" + b" >>" * depth
    return _pdf(_one_page(_stream(b"BT /F1 12 Tf 72 720 Td (Perjanjian Kinerja) Tj ET"), page_extra=b"/Deep " + nest + b" "))


def huge_page_count(claimed: int = 1_000_000) -> bytes:
    return _pdf(_one_page(_stream(b"BT /F1 12 Tf 72 720 Td (Perjanjian Kinerja) Tj ET"), pages_extra=b"/Count %d" % claimed))


def slow_page(glyphs: int = 150_000) -> bytes:
    """One page with hundreds of thousands of separately placed glyphs: minutes of layout
    analysis for pdfminer, a few hundred KiB of zlib."""
    ops = b"".join(b"BT /F1 4 Tf %d %d Td (x) Tj ET\n" % (i % 590, (i // 590) % 840) for i in range(glyphs))
    return _pdf(_one_page(_stream(zlib.compress(ops, 9), b"/Filter /FlateDecode ")))
