"""The keys that tie documents together: one unit whatever its spelling (core.unit_key, run
in DuckDB), one indicator across years whatever its code (schemas.lineage), a revision as
printed (schemas.unit). Spellings and year-to-year changes are drawn at random."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.lineage import LinkedIndicator, link_indicators
from schemas.records import RawRecord
from schemas.unit import infer_revision, revision_number
from tests.support import SAMPLES, load_truth
from warehouse.db import SQL_ROOT

# Canonical unit names and the ways documents abbreviate their words.
UNITS = (
    "Kantor Pelayanan Perbendaharaan Negara Medan II",
    "Kantor Pelayanan Perbendaharaan Negara Medan I",
    "Kantor Wilayah Direktorat Jenderal Perbendaharaan Provinsi Jawa Barat",
    "Kantor Wilayah Direktorat Jenderal Bea dan Cukai Jawa Timur I",
    "Direktorat Jenderal Kekayaan Negara",
    "Dinas Kesehatan Kabupaten Jombang",
)
ABBREVIATIONS = (
    ("Kantor Pelayanan Perbendaharaan Negara", ("KPPN", "Kantor Pelayanan Perbendaharaan Negara (KPPN)")),
    ("Kantor Wilayah", ("Kanwil",)),
    ("Direktorat Jenderal Perbendaharaan", ("DJPb", "Ditjen Perbendaharaan")),
    ("Direktorat Jenderal Bea dan Cukai", ("DJBC", "Ditjen Bea & Cukai")),
    ("Direktorat Jenderal Kekayaan Negara", ("DJKN",)),
    ("Provinsi", ("Prov.",)),
    ("Kabupaten", ("Kab.",)),
    ("Jawa Timur", ("Jatim",)),
    ("Medan II", ("Medan 2",)),
)


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    con.execute("CREATE SCHEMA core")
    con.execute((SQL_ROOT / "macros" / "unit_key.sql").read_text(encoding="utf-8"))
    yield con
    con.close()


def unit_key(con, name: str) -> str:
    return con.execute("SELECT core.unit_key(?)", [name]).fetchone()[0]


@st.composite
def spellings(draw, name: str) -> str:
    """The name as some document prints it: words abbreviated, case and spacing changed."""
    for long, short in ABBREVIATIONS:
        if long in name and draw(st.booleans()):
            name = name.replace(long, draw(st.sampled_from(short)))
    case = draw(st.sampled_from((str, str.upper, str.title)))
    gap = draw(st.sampled_from((" ", "  ", " \n")))
    return gap.join(case(name).split()) + draw(st.sampled_from(("", ",", " .")))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_spelling_of_a_unit_has_its_key_and_only_its_key(con, data):
    i = data.draw(st.integers(0, len(UNITS) - 1))
    spelled = data.draw(spellings(UNITS[i]))
    keys = [unit_key(con, u) for u in UNITS]
    assert len(set(keys)) == len(UNITS)  # Medan I and Medan II stay two units
    assert unit_key(con, spelled) == keys[i], spelled


def test_a_unit_key_is_null_without_a_name(con):
    assert unit_key(con, None) is None
    assert unit_key(con, " - ") is None


def _sample_pk_indicators() -> list[tuple[str, str]]:
    """(indicator, objective) of every PK row of the samples' truth: real wording to draw from."""
    rows = []
    for path in sorted(SAMPLES.glob("*.truth.json")):
        rows += [(t["indicator"], t["objective"]) for t in load_truth(path)["indicator_targets"] if t["source"] == "pk"]
    return list(dict.fromkeys(rows))


POOL = _sample_pk_indicators()


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_kept_indicator_links_to_itself_and_an_added_one_is_new(data):
    """Previous year: some sample indicators. This year: some dropped, the rest reordered a
    little, and indicators of other units added. Codes are not even an input."""
    n = len(POOL)
    chosen = data.draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=12, unique=True))
    previous = [LinkedIndicator(k + 1, *POOL[i]) for k, i in enumerate(chosen)]
    kept = data.draw(st.lists(st.sampled_from(range(len(previous))), unique=True, min_size=1))
    kept.sort()
    if data.draw(st.booleans()) and len(kept) > 1:  # two neighbours swap places
        kept[0], kept[1] = kept[1], kept[0]
    others = [i for i in range(n) if i not in chosen and POOL[i][0] not in {p.indicator for p in previous}]
    added = data.draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []
    current_texts = [(previous[j].indicator, previous[j].objective) for j in kept] + [POOL[i] for i in added]
    current = [LinkedIndicator(k + 1, *text) for k, text in enumerate(current_texts)]
    links = link_indicators(current, previous)
    for link, j in zip(links, kept):
        assert (link.previous_row_no, link.status) == (previous[j].row_no, "same")
    for link in links[len(kept):]:  # another indicator is never taken as this one reworded
        assert link.status in ("new", "review"), (link, current[link.row_no - 1])


def _titles(*texts: str) -> list[RawRecord]:
    return [RawRecord(kind="title", section=None, page=1, bbox=(100.0, 50.0 + 40 * i, 400.0, 62.0 + 40 * i), fields={"text": t})
            for i, t in enumerate(texts)]


@pytest.mark.parametrize(("titles", "label", "number"), [
    (("PERJANJIAN KINERJA TAHUN 2025", "REVISI I"), "REVISI I", 1),
    (("PERJANJIAN KINERJA TAHUN 2025 (REVISI KE-2)",), "REVISI KE-2", 2),
    (("PERJANJIAN KINERJA PERUBAHAN KEDUA TAHUN 2024",), "PERUBAHAN KEDUA", 2),
    (("RINCIAN TARGET KINERJA TAHUN 2024 REVISI IV",), "REVISI IV", 4),
    (("PERJANJIAN KINERJA TAHUN 2025", "KPPN MALANG"), None, 0),
    (("PENYUSUNAN DOKUMEN PERUBAHAN RKA SKPD",), None, 0),  # a table's words, not the document's revision
])
def test_the_revision_is_read_from_the_title_block(titles, label, number):
    found = infer_revision(_titles(*titles))
    assert found == label
    assert revision_number(found) == number
