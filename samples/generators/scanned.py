"""Scanned versions of sample PDFs: what a wet-signed agreement looks like after a scanner.

Each page of a born-digital sample is rasterised (pypdfium2), turned slightly, given paper
noise, a blue stamp and an ink blot over its signature slot, JPEG-compressed, and wrapped
back into a PDF with no text layer (Pillow). The truth is the original's, with its file
name. Deterministic: a fixed seed per document.

    python -m samples.generators.scanned
"""

from __future__ import annotations

import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image, ImageDraw, ImageFilter

SAMPLES_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = SAMPLES_ROOT / "corpus"
SCANNED_DIR = SAMPLES_ROOT / "scanned"


@dataclass(frozen=True)
class Scan:
    source: str  # a PDF of samples/corpus
    dpi: int
    angle: float  # degrees, counter-clockwise
    quality: int  # JPEG
    seed: int
    keystone: float = 0.0  # a photo taken at a slant: the top edge is this share of the width narrower (< 0: wider)


SCANS = (
    Scan("kppn-malang-2025-pk.pdf", 200, 0.8, 70, 11),
    Scan("kppn-malang-2025-rincian.pdf", 250, -1.2, 75, 12),
    Scan("kanwil-djpb-jabar-2025-pk.pdf", 300, 0.5, 80, 13),
)


def scanned_name(source: str) -> str:
    return source.removesuffix(".pdf") + "-scan.pdf"


def _noise(image: Image.Image, rng: random.Random) -> Image.Image:
    """Grey speckles and a faint blur: paper grain and a scanner's optics."""
    draw = ImageDraw.Draw(image)
    width, height = image.size
    for _ in range(width * height // 2500):
        x, y = rng.randrange(width), rng.randrange(height)
        shade = rng.randrange(90, 200)
        draw.point((x, y), fill=(shade, shade, shade))
    return image.filter(ImageFilter.GaussianBlur(0.6))


def signature_slot(page: pypdfium2.PdfPage) -> tuple[float, float] | None:
    """Where the last signer signs, in points from the top left: above the name over its NIP."""
    searcher = page.get_textpage().search("NIP", match_case=True)
    last = None
    while (found := searcher.get_next()) is not None:
        last = found
    if last is None:
        return None
    left, bottom, _, top = page.get_textpage().get_charbox(last[0])
    return left + 60, page.get_height() - top - 45


def _stamp(image: Image.Image, rng: random.Random, dpi: int, slot: tuple[float, float] | None) -> None:
    """A round blue office stamp and a dark ink blot over the signature slot (above the name)."""
    draw = ImageDraw.Draw(image, "RGBA")
    width, height = image.size
    r = dpi * 0.4
    if slot is None:
        cx, cy = width * 0.68, height * 0.75
    else:
        cx, cy = slot[0] * dpi / 72 - r * 0.6, slot[1] * dpi / 72
    for k in range(3):
        d = r - k * dpi * 0.06
        draw.ellipse((cx - d, cy - d, cx + d, cy + d), outline=(40, 60, 170, 150), width=max(2, dpi // 60))
    bx, by = cx + r * 0.7, cy
    for _ in range(12):
        dx, dy, s = rng.uniform(-r, r) * 0.4, rng.uniform(-r, r) * 0.2, rng.uniform(0.05, 0.15) * dpi
        draw.ellipse((bx + dx - s, by + dy - s * 0.6, bx + dx + s, by + dy + s * 0.6), fill=(20, 20, 60, 110))


def scan_page(page: pypdfium2.PdfPage, scan: Scan, rng: random.Random, last: bool) -> Image.Image:
    image = page.render(scale=scan.dpi / 72).to_pil().convert("RGB")
    if last:  # the signatures stand at the end of the document
        _stamp(image, rng, scan.dpi, signature_slot(page))
    image = image.rotate(scan.angle + rng.uniform(-0.2, 0.2), resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    if scan.keystone:
        image = _keystone(image, scan.keystone)
    image = _noise(image, rng)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=scan.quality)
    return Image.open(io.BytesIO(buffer.getvalue()))


def _keystone(image: Image.Image, share: float) -> Image.Image:
    """The page as a camera below its middle sees it: the top edge narrower by `share` of the
    width, the bottom edge as it was; the sides lean opposite ways, the middle stands."""
    coefficients = keystone_homography(image.size, share).flatten()[:8]  # PIL maps each pixel seen back to the page
    return image.transform(image.size, Image.PERSPECTIVE, tuple(coefficients), resample=Image.BICUBIC, fillcolor=(255, 255, 255))


def keystone_homography(size: tuple[float, float], share: float) -> np.ndarray:
    """The 3x3 projective map from where a keystoned photo shows a point to the point on the
    page (its inverse places a point of the page in the photo); `size` in any unit."""
    width, height = size
    k = share * width / 2
    seen = [(k, 0), (width - k, 0), (0, height), (width, height)]  # where the page's corners appear
    page = [(0, 0), (width, 0), (0, height), (width, height)]
    rows, rhs = [], []
    for (x, y), (u, v) in zip(seen, page):
        rows += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        rhs += [u, v]
    return np.append(np.linalg.solve(np.array(rows, dtype=float), np.array(rhs, dtype=float)), 1.0).reshape(3, 3)


def scan_pdf(source: Path, target: Path, scan: Scan) -> Path:
    """Write `source` as `scan` would come out of a scanner: an image-only PDF."""
    rng = random.Random(scan.seed)
    pdf = pypdfium2.PdfDocument(str(source))
    try:
        pages = [scan_page(pdf[i], scan, rng, last=i == len(pdf) - 1) for i in range(len(pdf))]
    finally:
        pdf.close()
    # Pillow's PDF writer embeds each JPEG as is (DCTDecode) and writes no text layer.
    pages[0].save(target, "PDF", resolution=scan.dpi, save_all=True, append_images=pages[1:], creationDate=None, modDate=None)
    return target


def write_scan(scan: Scan, out_dir: Path = SCANNED_DIR) -> Path:
    return scan_pdf(CORPUS_DIR / scan.source, out_dir / scanned_name(scan.source), scan)


def write_truth(scan: Scan, out_dir: Path = SCANNED_DIR) -> Path:
    truth = json.loads((CORPUS_DIR / scan.source.replace(".pdf", ".truth.json")).read_text(encoding="utf-8"))
    truth["file"] = scanned_name(scan.source)
    truth["producer"] = f"scanned {truth.get('producer', '')}".strip()
    target = out_dir / scanned_name(scan.source).replace(".pdf", ".truth.json")
    target.write_text(json.dumps(truth, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return target


def main() -> None:
    SCANNED_DIR.mkdir(exist_ok=True)
    for scan in SCANS:
        print(write_scan(scan).relative_to(SAMPLES_ROOT), write_truth(scan).relative_to(SAMPLES_ROOT))


if __name__ == "__main__":
    main()
