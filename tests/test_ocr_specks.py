"""Specks a scan's OCR reads off smears, dashed rules and the paper: a glyph stretched over a
column's white gap, signs glued to a cell's words ('_', ':', '—'), a stray figure in a header
line ('No .... Program _ 2 "Anggaran _ Keterangan _', Kaltim's report3-1). A borderless target
table and a budget table under it are read whole whatever specks a draw puts on the page."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.document import _read_borderless_tables
from extractors.grid import Edges
from extractors.layout import MAX_GLYPH_WIDTH, Char, without_smears
from extractors.page import layout_of
from extractors.stream import is_header_line
from extractors.walker import extract_records

SIZE = 9.0
WIDTH, HEIGHT = 595.0, 842.0
GLYPH = 0.5 * SIZE
LINE = 2.2 * SIZE

TARGET_HEADER = [(130, "No"), (160, "Indikator Kinerja"), (360, "Satuan"), (440, "Target")]
BUDGET_HEADER = [(130, "No"), (160, "Program"), (330, "Anggaran"), (450, "Keterangan")]
INDICATORS = [
    ("Persentase realisasi pendapatan daerah", "Persen", "95,5"),
    ("Jumlah wajib pajak baru", "Orang", "685"),
    ("Indeks kepuasan layanan", "Indeks", "3,25"),
]
PROGRAMS = [
    ("Program Penunjang Urusan Pemerintahan", "Rp215.250.297.000,-"),
    ("Program Pengelolaan Keuangan Daerah", "Rp1.145.950.000,-"),
    ("Program Pengelolaan Pendapatan", "Rp10.043.125.000,-"),
]


def word_chars(text: str, x: float, top: float, *, glyph: float = GLYPH) -> list[Char]:
    out: list[Char] = []
    for ch in text:
        width = glyph if ch.isalnum() or glyph != GLYPH else glyph / 2  # signs are narrow, smears are not
        if ch != " ":
            out.append(Char(text=ch, x0=x, x1=x + width, top=top, bottom=top + SIZE, size=SIZE, bold=False))
        x += width if ch != " " else 0.3 * SIZE
    return out


def line_chars(cells: list[tuple[float, str]], top: float) -> list[Char]:
    return [c for x, text in cells for c in word_chars(text, x, top)]


SPECKS = st.tuples(
    st.integers(0, len(INDICATORS) - 1),  # the row whose line a smear stands over
    st.sampled_from(["m", "ye", "em", "LN", "a ma"]),  # what OCR read off the smear
    st.sampled_from(["2", "1", "7", "a"]),  # the budget header's stray figure
    # signs by cells: before a target, before a program's name (a dash there is a nil value of its own), after one
    st.tuples(st.sampled_from(["_", ":", "'", "—", "....", "~"]), st.sampled_from(["_", ":", "'", "....", "~"]), st.sampled_from(["_", ":", "'", "—", "~"])),
    st.sampled_from(["", '"', "'", "\u201c"]),  # glued before the last program's number ('"3')
)


def speckled_page(specks) -> list[Char]:
    """The chars of a scanned page: a target table, a budget table under it, and specks."""
    smear_row, smear_text, header_figure, glued, quote = specks
    chars: list[Char] = []
    top = 150.0
    chars += line_chars(TARGET_HEADER, top)
    for k, (indicator, unit, target) in enumerate(INDICATORS):
        top += LINE
        if k == smear_row:  # a smear over the gap between the Satuan and Target columns
            chars += word_chars(smear_text, 385, top - 0.9 * SIZE, glyph=(430 - 385) / len(smear_text.replace(" ", "")))
        chars += line_chars([(132, str(k + 1)), (160, indicator), (360, unit), (430 - len(glued[0]) * GLYPH - 4, glued[0]), (440, target)], top)
    top += 4 * LINE
    header = [(130, "No"), (141, "...."), (160, "Program"), (280, "_"), (300, header_figure), (330, "Anggaran"), (390, "_"), (450, "Keterangan")]
    chars += line_chars([*header, (510, glued[2])], top)
    for k, (program, amount) in enumerate(PROGRAMS):
        top += LINE
        before, after = (glued[1] if k == 1 else ""), (glued[2] if k == 2 else "")
        number = f"{quote}{k + 1}" if k == len(PROGRAMS) - 1 else str(k + 1)
        cells = [(132 - len(number) * GLYPH / 2, number), (157 - len(before) * GLYPH / 2, before), (160, program), (318 - GLYPH, after)]
        chars += line_chars([*cells, (330, amount), (450, "APBD")], top)
    top += LINE
    chars += line_chars([(160, "Total Anggaran"), (318 - GLYPH, glued[1]), (330, "Rp226.439.372.000,-")], top)
    return chars


def read(chars: list[Char]):
    page = layout_of(2, WIDTH, HEIGHT, without_smears(chars), Edges(), [(0.0, 0.0, WIDTH, HEIGHT)])
    assert page.is_scanned
    findings = _read_borderless_tables("unused.pdf", [page])
    records, _ = extract_records([page])
    return records, findings


@settings(max_examples=60, deadline=None)
@given(SPECKS)
def test_a_speckled_scan_gives_every_target_and_budget_row(specks):
    records, findings = read(speckled_page(specks))
    targets = [(r.fields["indicator"], r.fields["target"]) for r in records if r.kind == "pk_target"]
    budget = [(r.fields["label"], r.fields["amount"]) for r in records if r.kind == "budget_line"]
    totals = [r.fields["amount"] for r in records if r.kind == "budget_total"]
    assert targets == [(indicator, target) for indicator, _, target in INDICATORS]
    assert budget == PROGRAMS
    assert totals == ["Rp226.439.372.000,-"]
    assert not [f for f in findings if f.fields.get("check") == "extraction_table_not_read"]


@given(st.floats(0.25, 0.75), st.floats(MAX_GLYPH_WIDTH + 0.05, 8.0))
def test_only_glyphs_wider_than_any_letter_are_smears(letter, smear):
    kept = Char(text="a", x0=10, x1=10 + letter * SIZE, top=0, bottom=SIZE, size=SIZE, bold=False)
    stretched = Char(text="m", x0=30, x1=30 + smear * SIZE, top=0, bottom=SIZE, size=SIZE, bold=False)
    assert without_smears([kept, stretched]) == [kept]


HEADER_WORDS = ["No", "Program", "Kegiatan", "Anggaran", "Keterangan", "Sasaran", "Indikator", "Kinerja", "Satuan", "Target", "Pagu"]
ROW_WORDS = ["Penunjang", "Urusan", "Pengelolaan", "Keuangan", "Daerah", "Persentase", "realisasi", "pendapatan", "Kegiatan", "Program", "anggaran"]


SPECK_TEXTS = st.sampled_from(["2", "7", "_", "....", "“", "a"])


@given(st.lists(st.sampled_from(HEADER_WORDS), min_size=3, max_size=7), st.lists(st.tuples(st.integers(0, 7), SPECK_TEXTS), max_size=2))
def test_a_header_line_keeps_its_kind_whatever_specks_it_carries(words, specks):
    line = list(words)
    for at, speck in specks:
        line.insert(min(at, len(line)), speck)
    assert is_header_line(" ".join(line)) == is_header_line(" ".join(words))


@given(st.integers(1, 9), st.lists(st.sampled_from(ROW_WORDS), min_size=2, max_size=6), st.sampled_from(["", "Rp1.145.950.000,-", "2 Kegiatan", "95,5 %"]))
def test_a_row_is_no_header_line_however_many_header_words_it_has(number, words, figure):
    if not any(w in ("Penunjang", "Urusan", "Pengelolaan", "Keuangan", "Daerah", "Persentase", "pendapatan") for w in words):
        words = [*words, "Daerah"]
    assert is_header_line(" ".join([str(number), *words, figure]).strip()) is None


def test_a_smear_inside_a_ruled_table_stays():
    """There the rules part the columns, and a smudged figure read as a speck still says its cell holds something."""
    smear = Char(text="D", x0=100, x1=100 + 3 * SIZE, top=50, bottom=50 + SIZE, size=SIZE, bold=False)
    assert without_smears([smear], [(90.0, 40.0, 200.0, 70.0)]) == [smear]
    assert without_smears([smear], [(90.0, 80.0, 200.0, 120.0)]) == []


@settings(max_examples=30, deadline=None)
@given(st.integers(0, len(PROGRAMS) - 1), st.text(alphabet="SanggsDokmeIl", min_size=3, max_size=10))
def test_an_amount_ocr_read_as_letters_loads_its_row_with_the_amount_listed(misread_row, letters):
    """Pasuruan's 'Sanggagsg' for 1.237.612.055: the row is a budget line whose amount could not
    be read, not a sub-heading; a second header row's '(Rp)' stays no row."""
    from schemas.normalize import normalize_document
    from schemas.records import RawDocument

    if is_header_line(letters) or not letters.strip("Il"):
        letters = "Sanggagsg"
    top = 150.0
    chars = line_chars([(130, "No"), (160, "Program"), (330, "Anggaran")], top)
    chars += line_chars([(330, "(Rp)")], top + LINE)
    for k, (program, amount) in enumerate(PROGRAMS):
        top += LINE
        chars += line_chars([(132, str(k + 1)), (160, program), (330, letters if k == misread_row else amount)], top + LINE)
    records, _ = read(chars)
    document = normalize_document(RawDocument(document_id="x", file_name="x.pdf", page_count=1, sections=("pk_budget",), records=tuple(records)))
    assert [(line.program, line.amount_raw) for line in document.budget_lines] == [
        (program, letters if k == misread_row else amount) for k, (program, amount) in enumerate(PROGRAMS)
    ]
    assert [line.amount_idr is None for line in document.budget_lines] == [k == misread_row for k in range(len(PROGRAMS))]
    assert [(p.field, p.raw) for p in document.problems] == [("amount", letters)]
