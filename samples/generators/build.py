"""Rebuild every sample PDF and its ground truth: ``python -m samples.generators.build``.

Output is deterministic: running it twice gives identical bytes.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from samples.generators.render_common import words
from samples.generators.spec import (
    Behaviours,
    BudgetTable,
    DocumentSpec,
    Lampiran,
    PkSlice,
    RhkPart,
    RincianPart,
    SignatureRow,
    SkpHeader,
    Statement,
    T,
    plan,
)
from samples.generators.truth import signature_rows, truth_json

SAMPLES_ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS_DIR = SAMPLES_ROOT / "documents"  # hand-typed document data, one module each
CORPUS_DIR = SAMPLES_ROOT / "corpus"  # the rendered PDFs and their truth


def discover_documents(documents_dir: Path = DOCUMENTS_DIR) -> tuple[DocumentSpec, ...]:
    """Every ``DOCUMENT`` (or ``DOCUMENTS``) of the data modules ``samples/documents/<doc>.py``,
    in module-name order: adding a document needs no edit here."""
    docs: list[DocumentSpec] = []
    for path in sorted(documents_dir.glob("*.py")):
        if path.stem == "__init__":
            continue
        module = importlib.import_module(f"samples.documents.{path.stem}")
        docs += [module.DOCUMENT] if hasattr(module, "DOCUMENT") else list(getattr(module, "DOCUMENTS", ()))
    names = [d.name for d in docs]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate document names: {names}")
    return tuple(docs)


DOCUMENTS: tuple[DocumentSpec, ...] = discover_documents()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


_WORDS = {"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12}


def _amount_agrees(raw: str, idr: str) -> bool:
    """Does the printed amount say the typed Rupiah value? (a typo guard, not a parser:
    the truth keeps the typed value either way)."""
    words = raw.split()
    scale = _WORDS.get(words[-1].lower()) if words else None
    if scale is not None:
        number = " ".join(words[:-1]).removeprefix("Rp").removeprefix(".").strip()
        whole, _, frac = number.partition(",")
        cents = int(_digits(whole) + frac.ljust(scale + 2, "0")) if frac else int(_digits(whole)) * 10 ** (scale + 2)
        return cents == int(_digits(idr))
    if raw.rstrip().endswith(",00"):
        return _digits(raw) == _digits(idr)
    return _digits(raw) + "00" == _digits(idr)


def _target_problems(t: T) -> list[str]:
    head = t.raw.split(" (")[0]
    if t.unit:
        if not head.endswith(" " + t.unit):
            return [f"unit {t!r}"]
        head = head.removesuffix(" " + t.unit)
    problems = []
    numeric = head.replace(",", "").replace("%", "").isdigit()
    if numeric:
        if t.value != head.replace(",", ".").rstrip("%") or t.is_percent != head.endswith("%"):
            problems.append(f"target {t!r}")
    elif t.value is not None or t.is_percent:  # '-' or a verbal target such as 'Baik'
        problems.append(f"target {t!r}")
    if (t.qualifier is None) != (" (" not in t.raw) or (t.qualifier and f"({t.qualifier})" not in t.raw):
        problems.append(f"qualifier {t!r}")
    return problems


def check_typing(doc: DocumentSpec) -> list[str]:
    """Catch typos between a printed string and its hand-typed meaning (the meaning is
    never derived from the print: this only compares the two)."""
    problems = []
    amounts: list[tuple[str, str]] = []
    if doc.budget:
        for program in doc.budget.programs:
            amounts += [(program.amount_raw, program.amount_idr)]
            amounts += [(a.amount_raw, a.amount_idr) for a in program.activities]
        if doc.budget.total:
            amounts.append((doc.budget.total.amount_raw, doc.budget.total.amount_idr))
    problems += [f"budget {raw!r} vs {idr!r}" for raw, idr in amounts if not _amount_agrees(raw, idr)]
    if doc.lampiran:
        item = next(i for i in doc.lampiran.resources if i.text.startswith(doc.lampiran.budget_label))
        if not _amount_agrees(item.text[item.text.index("Rp"):], doc.lampiran.budget_idr):
            problems.append(f"lampiran budget {item.text!r} vs {doc.lampiran.budget_idr!r}")
    if doc.budget and doc.lampiran and doc.budget.total is None:
        total = sum(int(_digits(p.amount_idr)) for p in doc.budget.programs)
        if total != int(_digits(doc.lampiran.budget_idr)):
            problems.append("program totals do not add up to the lampiran's Jumlah Anggaran")

    targets: list[T] = []
    if doc.pk:
        targets += [i.target for o in doc.pk.objectives for i in o.indicators]
        for o in doc.pk.objectives:
            for i in o.indicators:
                if (i.code is None) != (doc.pk.code_style == "none"):
                    problems.append(f"PK code {i.code!r} with code_style {doc.pk.code_style!r}")
    if doc.skp:
        targets += [i.target for part in doc.skp.rhk_parts for o in part.objectives for i in o.indicators]
    rows = [r for part in doc.rincian.parts for o in part.objectives for r in o.rows] if doc.rincian else []
    rows += list(doc.lampiran.rows) if doc.lampiran else []
    targets += [r.year for r in rows]
    for t in targets:
        problems += _target_problems(t)
    for printed, cell in doc.cells.items():
        problems += [f"cell {printed!r} -> {cell!r}" for p in _target_problems(
            T(printed, cell.value, cell.is_percent, None, None, cell.unit)) if p]
    if doc.statement:
        for party in doc.statement.parties:
            printed = dict(party.lines)
            nip = next((v for k, v in printed.items() if k.upper().startswith("NIP")), None)
            if (nip is None) != (party.nip is None) or (nip and _digits(nip) != party.nip):
                problems.append(f"party NIP {nip!r} vs {party.nip!r}")
    for row in signature_rows(doc):
        for block in row.blocks:
            if len(block.lines) != len(row.slots):
                problems.append(f"signature lines {block.lines!r} vs slots {row.slots!r}")
            nip_line = next((line for line in block.lines if line and line.startswith("NIP")), None)
            if block.nip is not None and (nip_line is None or _digits(nip_line) != block.nip):
                problems.append(f"signature NIP {nip_line!r} vs {block.nip!r}")
            if block.nip is not None and len(block.nip) != 18:
                problems.append(f"signature NIP {block.nip!r} is not 18 digits")
            mark = block.lines[row.slots.index("mark")]
            if block.electronic != (mark is not None):
                problems.append(f"electronic={block.electronic} with signature line {mark!r}")
    return problems


def printed_strings(doc: DocumentSpec, item: object) -> list[str]:
    """The main strings a planned block prints (enough to tell where it landed)."""
    if isinstance(item, Statement):
        return [*item.title_lines, *item.opening, *item.closing,
                *(v for party in item.parties for _, v in party.lines), *(p.designation for p in item.parties)]
    if isinstance(item, PkSlice):
        out = []
        for objective in item.objectives:
            out.append(objective.text)
            out += [f"{i.text} {i.target.raw}" for i in objective.indicators]
        if not item.objective_printed:
            out.pop(0)
        return out
    if isinstance(item, BudgetTable):
        out = [f"{p.name} {p.amount_raw}" for p in item.programs]
        out += [f"{a.name} {a.amount_raw}" for p in item.programs for a in p.activities]
        return out + ([f"{item.total.label} {item.total.amount_raw}"] if item.total else [])
    if isinstance(item, SignatureRow):
        return [line for block in item.blocks for line in block.lines if line]
    if isinstance(item, RincianPart):
        return [o.text for o in item.objectives] + [
            f"{r.code or ''} {r.text} {' '.join(r.cells[:-1])} {r.year.raw}" for o in item.objectives for r in o.rows]
    if isinstance(item, SkpHeader):
        return [*item.title_lines, item.period_line, *(v for _, v in item.appraisee + item.appraiser)]
    if isinstance(item, RhkPart):
        return [f"{o.text} {i.text} {i.target.raw} {i.perspective}" for o in item.objectives for i in o.indicators]
    if isinstance(item, Behaviours):
        return [f"{b.name} {' '.join(b.criteria)} {b.expectation}" for b in item.behaviours]
    if isinstance(item, Lampiran):
        return [item.title, *(r.text for r in item.resources), *item.accountability]
    if isinstance(item, tuple) and item and isinstance(item[0], str):
        return list(item)  # konsekuensi
    if isinstance(item, tuple):
        return [f"{r.text} {' '.join(r.cells[:-1])} {r.year.raw}" for r in item]  # lampiran rows
    raise TypeError(f"no strings for {type(item).__name__}")


def placement_problems(doc: DocumentSpec, pdf_path: Path) -> list[str]:
    """Check a rendered PDF against the page plan with pdfplumber: the page count, and
    every word of every block on the block's planned page."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        pages = [set(words(" ".join(w["text"] for w in page.extract_words()))) for page in pdf.pages]
    problems = []
    if len(pages) != doc.page_count:
        problems.append(f"page count: planned {doc.page_count}, drawn {len(pages)}")
    for block in plan(doc):
        wanted = set().union(*(words(s) for s in printed_strings(doc, block.item)))
        missing = wanted - pages[block.page - 1] if block.page <= len(pages) else wanted
        if missing:
            problems.append(f"{block.key}: planned p{block.page}, missing there: {sorted(missing)[:8]}")
    return problems


# producer (as the truth names it) -> renderer module
RENDERERS = {
    "reportlab": "samples.generators.render_reportlab",
    "weasyprint": "samples.generators.render_html",
    "html": "samples.generators.render_html",
    "libreoffice": "samples.generators.render_docx",
    "docx": "samples.generators.render_docx",
}


def render(doc: DocumentSpec, pdf_path: Path) -> None:
    """The producer's renderer: ``render_pdf(doc, path)`` of its module."""
    renderer = importlib.import_module(RENDERERS.get(doc.producer, f"samples.generators.render_{doc.producer}"))
    renderer.render_pdf(doc, pdf_path)


def build(doc: DocumentSpec, out_dir: Path = CORPUS_DIR) -> tuple[Path, Path]:
    plan(doc)  # raises when the page plan is not page-by-page
    problems = check_typing(doc)
    if problems:
        raise ValueError(f"{doc.name}: " + "; ".join(problems))
    pdf_path = out_dir / f"{doc.name}.pdf"
    truth_path = out_dir / f"{doc.name}.truth.json"
    render(doc, pdf_path)
    problems = placement_problems(doc, pdf_path)
    if problems:
        raise ValueError(f"{doc.name}: " + "; ".join(problems))
    truth_path.write_text(truth_json(doc), encoding="utf-8")
    return pdf_path, truth_path


def main(argv: list[str] | None = None) -> int:
    """Build all documents, or those whose names are given; `--truth-only` rewrites the
    truth files without rendering (when the truth's layout changes, not the print)."""
    args = sys.argv[1:] if argv is None else argv
    truth_only = "--truth-only" in args
    names = {a for a in args if a != "--truth-only"}
    for doc in DOCUMENTS:
        if names and doc.name not in names:
            continue
        if truth_only:
            (CORPUS_DIR / f"{doc.name}.truth.json").write_text(truth_json(doc), encoding="utf-8")
            print(f"wrote {doc.name}.truth.json")
            continue
        pdf_path, truth_path = build(doc)
        print(f"wrote {pdf_path.name} ({doc.page_count} pages) and {truth_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
