"""A PK that read no budget row but prints a Rupiah amount outside its tables says so."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractors.findings import amount_not_read
from schemas.numbers import parse_rupiah
from schemas.records import RawRecord

WORDS = st.sampled_from(["Program", "Kegiatan", "Anggaran", "TOTAL", "APBD", "Jumlah", "Kepala", "NIP", "Nomor", "tahun", "2025", "I", "."])
OTHER_NUMBERS = st.one_of(
    st.from_regex(r"NIP \d{8} \d{6} \d \d{3}", fullmatch=True),  # a NIP
    st.from_regex(r"\d{3}/\d{3}\.\d{3}\.\d{3}", fullmatch=True),  # a letter number
    st.from_regex(r"\d{2}\.\d{2}\.20\d{2}", fullmatch=True),  # a date
    st.integers(0, 999_999).map(lambda n: f"{n:,}".replace(",", ".")),  # below a million
)


@st.composite
def amounts(draw) -> str:
    groups = [str(draw(st.integers(1, 999)))] + [f"{draw(st.integers(0, 999)):03d}" for _ in range(draw(st.integers(2, 4)))]
    return draw(st.sampled_from(["", "Rp ", "Rp. ", "Rp"])) + ".".join(groups) + draw(st.sampled_from(["", ",00", ",-"]))


def _line(draw, extra: str | None) -> str:
    words = draw(st.lists(st.one_of(WORDS, OTHER_NUMBERS), max_size=6))
    if extra is not None:
        words.insert(draw(st.integers(0, len(words))), extra)
    return " ".join(words)


@given(st.data())
def test_an_amount_outside_the_tables_of_a_pk_without_budget_rows_is_a_finding(data):
    amount = data.draw(amounts())
    lines = [(_line(data.draw, None), 1) for _ in range(data.draw(st.integers(0, 4)))]
    at = data.draw(st.integers(0, len(lines)))
    lines.insert(at, (_line(data.draw, amount), 2))
    (found,) = amount_not_read(lines, [], {"pk_statement", "pk"})
    assert found.fields["check"] == "extraction_amount_not_read" and found.page == 2
    printed = found.fields["subject"].removeprefix("amount ").split(" printed outside")[0]
    assert parse_rupiah(printed) == parse_rupiah(amount)


@given(st.data())
def test_no_finding_without_an_amount_with_budget_rows_or_outside_a_pk(data):
    amount = data.draw(amounts())
    plain = [(_line(data.draw, None), 1) for _ in range(data.draw(st.integers(0, 5)))]
    assert amount_not_read(plain, [], {"pk"}) == []
    with_amount = [*plain, (_line(data.draw, amount), 1)]
    budget = RawRecord(kind=data.draw(st.sampled_from(["budget_line", "budget_total"])), page=1, fields={"label": "x", "amount": amount})
    assert amount_not_read(with_amount, [budget], {"pk", "pk_budget"}) == []
    assert amount_not_read(with_amount, [], {"skp"}) == []


@given(st.data())
def test_an_amount_in_a_target_rows_text_is_a_finding_its_target_is_not(data):
    """A budget row swallowed by the target table above it (its header misread) loads as a
    target row whose indicator or objective holds the amount: the PK says so. An amount in
    the target cell is a target ('Rp 9.590.400.000.000' of revenue), not a lost budget row."""
    amount = data.draw(amounts())
    kind = data.draw(st.sampled_from(["pk_target", "period_target"]))
    field = data.draw(st.sampled_from(["objective", "indicator"]))
    plain = {"objective": _line(data.draw, None), "indicator": _line(data.draw, None), "target": _line(data.draw, None)}
    lines = [(_line(data.draw, None), 1) for _ in range(data.draw(st.integers(0, 3)))]
    swallowed = RawRecord(kind=kind, page=3, fields={**plain, field: _line(data.draw, amount)})
    (found,) = amount_not_read(lines, [swallowed], {"pk"})
    assert found.page == 3 and "target row" in found.fields["subject"]
    printed = found.fields["subject"].removeprefix("amount ").split(" printed ")[0]
    assert parse_rupiah(printed) == parse_rupiah(amount)
    a_target = RawRecord(kind=kind, page=3, fields={**plain, "target": amount})
    assert amount_not_read(lines, [a_target], {"pk"}) == []


NAMES = st.lists(st.sampled_from(["Pengembangan", "Kawasan", "Peternakan", "di", "Jawa", "Barat", "Bimbingan", "Teknis"]), min_size=1, max_size=6).map(" ".join)


@given(st.data())
def test_a_budget_rows_amount_on_a_line_of_its_own_is_a_finding_when_no_row_read_it(data):
    """A PK whose budget rows were read, and a row the table lost (a scan's last row whose rules
    were not seen) prints its amount alone, or after its number and name, outside the table."""
    read = [data.draw(amounts()) for _ in range(data.draw(st.integers(1, 4)))]
    records = [RawRecord(kind="budget_line", page=1, fields={"label": "x", "amount": a}) for a in read]
    lost = data.draw(amounts().filter(lambda a: all(parse_rupiah(a) != parse_rupiah(r) for r in read)))
    printed = data.draw(st.sampled_from(["{a}", "{n}. {name} {a}", "{n} {name} {a}"])).format(a=lost, n=data.draw(st.integers(1, 30)), name=data.draw(NAMES))
    lines = [(_line(data.draw, None), 1) for _ in range(data.draw(st.integers(0, 3)))]
    lines.insert(data.draw(st.integers(0, len(lines))), (printed, 2))
    (found,) = amount_not_read(lines, records, {"pk", "pk_budget"})
    assert found.fields["check"] == "extraction_amount_not_read" and found.page == 2
    assert parse_rupiah(found.fields["subject"].removeprefix("amount ").split(" printed ")[0]) == parse_rupiah(lost)
    # the same amount read by a row, or printed inside a sentence or as a total: no finding
    assert amount_not_read(lines, [*records, RawRecord(kind="budget_total", page=2, fields={"label": "Jumlah", "amount": lost})], {"pk"}) == []
    for other in (f"anggaran sebesar {lost} untuk kegiatan", f"Jumlah {lost}", f"TOTAL {lost}"):
        assert amount_not_read([(other, 2)], records, {"pk", "pk_budget"}) == []
