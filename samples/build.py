"""Rebuild every sample PDF and its ground truth: ``python -m samples.build``.

Output is deterministic: running it twice gives identical bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from samples import djpb_2024
from samples.render_reportlab import render_pdf
from samples.spec import DocumentSpec, T
from samples.truth import truth_json

SAMPLES_DIR = Path(__file__).resolve().parent

DOCUMENTS: tuple[DocumentSpec, ...] = (djpb_2024.DOCUMENT,)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def check_typing(doc: DocumentSpec) -> list[str]:
    """Catch typos between a printed string and its hand-typed meaning (the meaning is
    never derived from the print: this only compares the two)."""
    problems = []
    for program in doc.budget.programs:
        for raw, idr in [(program.amount_raw, program.amount_idr)] + [
            (a.amount_raw, a.amount_idr) for a in program.activities
        ]:
            if _digits(raw) + "00" != _digits(idr):
                problems.append(f"budget {raw!r} vs {idr!r}")
    total = sum(int(_digits(p.amount_idr)) for p in doc.budget.programs)
    if total != int(_digits(doc.lampiran.budget_idr)):
        problems.append("program totals do not add up to the lampiran's Jumlah Anggaran")

    targets: list[T] = [i.target for o in doc.pk.objectives for i in o.indicators]
    targets += [i.target for part in doc.skp.rhk_parts for o in part.objectives for i in o.indicators]
    rows = [r for part in doc.rincian.parts for o in part.objectives for r in o.rows] + list(doc.lampiran.rows)
    targets += [r.year for r in rows]
    for t in targets:
        head = t.raw.split(" (")[0]
        if t.value != head.replace(",", ".").rstrip("%") or t.is_percent != head.endswith("%"):
            problems.append(f"target {t!r}")
        if (t.qualifier is None) != (" (" not in t.raw) or (t.qualifier and f"({t.qualifier})" not in t.raw):
            problems.append(f"qualifier {t!r}")
    for printed, cell in doc.cells.items():
        if printed != "-" and cell.value != printed.replace(",", ".").rstrip("%"):
            problems.append(f"cell {printed!r} -> {cell!r}")
    return problems


def build(doc: DocumentSpec, out_dir: Path = SAMPLES_DIR) -> tuple[Path, Path]:
    problems = check_typing(doc)
    if problems:
        raise ValueError(f"{doc.name}: " + "; ".join(problems))
    pdf_path = out_dir / f"{doc.name}.pdf"
    truth_path = out_dir / f"{doc.name}.truth.json"
    render_pdf(doc, pdf_path)
    truth_path.write_text(truth_json(doc), encoding="utf-8")
    return pdf_path, truth_path


def main() -> int:
    for doc in DOCUMENTS:
        pdf_path, truth_path = build(doc)
        print(f"wrote {pdf_path.name} ({doc.page_count} pages) and {truth_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
