"""`kinerja report`: the samples' warehouse (ingested by the real flow) written through the
real command line and rendered by headless Chromium. The figures looked for in the rendered
page are computed here from the bi views, not taken from the report's code."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from PIL import Image
from typer.testing import CliRunner

from flows.cli import app
from samples.generators import browser
from tests.support import query
from warehouse.report import Limits, write_report

HOSTILE = '<b>x</b> "q" \x1b[31m\u202e.pdf'  # markup, a quote, an escape sequence and a bidi override
PROGRAM_BLUE, ACTIVITY_SKY, ALERT_RED = (0x1F, 0x5F, 0xA8), (0x8F, 0xB8, 0xE8), (0xC0, 0x39, 0x2B)


def idr(value: Decimal) -> str:
    """Rupiah as an Indonesian reader writes it: 'Rp 1.234.567.000', '-Rp 10.000.000', cents after a comma."""
    whole, cents = divmod(abs(value), 1)
    text = "Rp " + f"{int(whole):,}".replace(",", ".") + (f",{int(cents * 100):02d}" if cents else "")
    return "-" + text if value < 0 else text


def figure(value: Decimal) -> str:
    """A target as an Indonesian reader writes it: '87,5', '1.100.000', '-0,5'."""
    whole, fraction = divmod(abs(value), 1)
    text = f"{int(whole):,}".replace(",", ".") + ("," + f"{fraction.normalize():f}"[2:] if fraction else "")
    return "-" + text if value < 0 else text


class Page(HTMLParser):
    """The text of a page and its table rows (cell texts), each row under the id of its <section>."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.section, self.rows, self.text, self.tags, self.headings = "", [], [], Counter(), []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        if tag == "section":
            self.section = dict(attrs).get("id", "")
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th", "h3"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "h3" and self._cell is not None:
            self.headings.append((self.section, " ".join("".join(self._cell).split())))
            self._cell = None
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append((self.section, self._row))
            self._row = None

    def handle_data(self, data):
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def has_row(self, section: str, cells: list[str]) -> bool:
        """A row of the section with each of ``cells`` as a cell's text (or its start, before a space)."""
        return any(s == section and all(any(t == c or t.startswith(c + " ") for t in row) for c in cells) for s, row in self.rows)

    def all_text(self) -> str:
        return " ".join("".join(self.text).split())


def chromium() -> str:
    if found := browser.chromium():
        return found
    pytest.fail(f"headless Chromium renders the report and is not installed: {browser.INSTALL}")


def render(html: Path, folder: Path) -> tuple[Path, str]:
    """The page as Chromium draws it (a 1280x4000 screenshot) and the DOM it builds."""
    browser = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={folder / 'chromium'}", "--window-size=1280,4000"]
    png = folder / "report.png"
    subprocess.run([*browser, f"--screenshot={png}", html.as_uri()], check=True, capture_output=True, timeout=240)
    dom = subprocess.run([*browser, "--dump-dom", html.as_uri()], check=True, capture_output=True, text=True, timeout=240).stdout
    return png, dom


def run_report(db: Path, out: Path, *args: str):
    return CliRunner().invoke(app, ["report", "--db", str(db), "--out", str(out), *args])


@pytest.fixture(scope="module")
def samples_report(ingested, tmp_path_factory):
    db, _ = ingested
    folder = tmp_path_factory.mktemp("report")
    result = run_report(db, folder / "report.html")
    assert result.exit_code == 0, result.output
    png, dom = render(folder / "report.html", folder)
    return db, (folder / "report.html").read_text(encoding="utf-8"), png, Page(dom)


def test_the_screenshot_shows_charts(samples_report):
    _, _, png, _ = samples_report
    image = Image.open(png).convert("RGB")
    assert image.size == (1280, 4000)
    colours = Counter(image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata())
    near = lambda rgb: sum(n for c, n in colours.items() if all(abs(a - b) <= 3 for a, b in zip(c, rgb)))  # noqa: E731
    assert len(colours) > 500  # text, bars, lines: not a blank or single-colour page
    assert near(PROGRAM_BLUE) > 3000 and near(ACTIVITY_SKY) > 3000  # program and activity bars drawn
    assert near(ALERT_RED) > 200  # the mismatches' warning
    background = colours.most_common(1)[0][1]
    assert background < 0.8 * image.width * image.height


def test_the_page_shows_every_budget_figure_in_rupiah(samples_report):
    db, _, _, page = samples_report
    text = page.all_text()
    lines = query(db, "SELECT document_id, unit, program_no, level, amount_idr FROM bi.budget_lines")
    assert lines
    sums: dict[tuple, Decimal] = {}
    for line in lines:
        assert idr(line["amount_idr"]) in text, line
        if line["level"] == "activity":
            key = (line["document_id"], line["program_no"])
            sums[key] = sums.get(key, Decimal(0)) + line["amount_idr"]
    programs = {(r["document_id"], r["program_no"]): r for r in lines if r["level"] == "program"}
    for key, total in sums.items():
        program = programs[key]
        assert page.has_row("budgets", [idr(program["amount_idr"]), idr(total)]), (program["unit"], key)
    assert "Rp 7.239.932.585.000" in text  # DJPB program 2: its activities, not its printed 7.235.932.585.000
    for unit in {r["unit"] for r in query(db, "SELECT unit FROM bi.documents")}:
        assert unit in text


def test_every_mismatch_is_in_the_findings_with_its_file_and_unit(samples_report):
    db, _, _, page = samples_report
    mismatches = query(db, """
        SELECT d.file_name, d.unit, d.fiscal_year, r.check_name, r.subject, r.stated, r.computed
        FROM bi.reconciliation r JOIN bi.documents d USING (document_id) WHERE r.status = 'mismatch'""")
    assert len(mismatches) == 7  # two programs in each of the three DJPB copies, the Malang companion Rincian's 3a-N
    for m in mismatches:
        stated, computed = Decimal(m["stated"]), Decimal(m["computed"])
        show = idr if m["check_name"] in ("program_total_vs_activities", "budget_total_vs_programs") else figure
        cells = [m["file_name"], m["unit"], str(m["fiscal_year"]), m["check_name"], m["subject"], show(stated), show(computed), show(computed - stated)]
        assert page.has_row("findings", cells), cells


def test_the_page_fetches_nothing(samples_report):
    _, html, _, page = samples_report
    assert not re.search(r"https?:|<script|<link|<img|<iframe|<object|\bsrc\s*=|\bhref\s*=|url\s*\(|@import", html, re.IGNORECASE)
    assert page.tags["script"] == 0 and page.tags["svg"] >= 5
    assert "default-src 'none'" in html  # and the page forbids itself any fetch


@pytest.fixture(scope="module")
def altered(ingested, tmp_path_factory):
    """A copy of the samples' warehouse changed where the samples have nothing to show: one
    file renamed to hostile text, one DJPB copy moved to 2023 (its indicators now span two
    years), the Rincian rows of the Jatim I file removed (as if none had been read)."""
    db, _ = ingested
    copy = tmp_path_factory.mktemp("altered") / "kinerja.duckdb"
    shutil.copy(db, copy)
    con = duckdb.connect(str(copy))
    con.execute("UPDATE core.documents SET file_name = ? WHERE file_name = 'djpb-2024-pk-skp.pdf'", [HOSTILE])
    con.execute("UPDATE core.documents SET fiscal_year = 2023 WHERE file_name = 'djpb-2024-pk-skp-lo.pdf'")
    con.execute("""DELETE FROM core.period_targets WHERE document_id IN
                   (SELECT document_id FROM core.documents WHERE file_name = 'kanwil-djbc-jatim1-2024-rincian.pdf')""")
    con.execute("DROP VIEW IF EXISTS bi.indicator_links")
    con.close()
    return copy


def test_hostile_names_show_as_text_and_extraction_findings_stand_out(altered, tmp_path):
    out = tmp_path / "report.html"
    assert run_report(altered, out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "\x1b" not in html and "\u202e" not in html
    _, dom = render(out, tmp_path)
    page = Page(dom)
    shown = '<b>x</b> "q" \\x1b[31m\\u202e.pdf'
    assert page.has_row("documents", [shown, "Direktorat Jenderal Perbendaharaan"])
    assert page.has_row("findings", [shown, "program 2"])
    flagged = query(altered, """
        SELECT d.file_name, d.unit, r.check_name, r.subject FROM bi.reconciliation r JOIN bi.documents d USING (document_id)
        WHERE r.status = 'mismatch' AND r.check_name LIKE 'extraction_%'""")
    assert ("kanwil-djbc-jatim1-2024-rincian.pdf", "extraction_section_without_rows", "section pk_rincian") in {
        (f["file_name"], f["check_name"], f["subject"]) for f in flagged}
    for f in flagged:
        assert page.has_row("findings", [f["file_name"], f["unit"], f["check_name"], f["subject"]]), f
    assert page.has_row("documents", ["kanwil-djbc-jatim1-2024-rincian.pdf", "extraction_section_without_rows"])


def _year_figures(dom: str) -> list[str]:
    """The captions of the 'targets across fiscal years' figures."""
    section = dom.split('id="years"', 1)[1].split("</section>", 1)[0]
    return [" ".join(Page(c).all_text().split()) for c in re.findall(r"<figcaption>(.*?)</figcaption>", section, re.S)]


def test_targets_across_years_by_text_without_links(altered, tmp_path):
    out = tmp_path / "report.html"
    assert run_report(altered, out, "--unit", "Direktorat Jenderal Perbendaharaan").exit_code == 0
    _, dom = render(out, tmp_path)
    followed = query(altered, """
        SELECT lower(trim(indicator)) AS key FROM bi.indicator_targets WHERE unit = 'Direktorat Jenderal Perbendaharaan'
        GROUP BY 1 HAVING count(DISTINCT fiscal_year) = 2""")
    assert len(followed) >= 20  # the PK's 20 indicators at least
    captions, limit = _year_figures(dom), Limits().series
    assert len(captions) == min(len(followed), limit)
    if len(followed) > limit:
        assert f"{len(followed) - limit} more indicators followed across years left out" in Page(dom).all_text()
    assert "grouped by unit and indicator text" in dom


def test_targets_across_years_follow_indicator_links_when_there_are_some(ingested, tmp_path):
    """KPPN Malang 2025 -> 2026 (samples/documents/kppn_malang_2026.py): renumbered, reused and
    reworded indicators, linked by bi.indicator_links; 'new' ones are not followed."""
    from samples.documents.kppn_malang_2026 import EXPECTED_LINKS

    db, _ = ingested
    out = tmp_path / "report.html"
    assert run_report(db, out, "--unit", "malang", "--year", "2026").exit_code == 0
    _, dom = render(out, tmp_path)
    captions = _year_figures(dom)
    followed = [(text, status) for _, text, previous, status in EXPECTED_LINKS if previous is not None]
    assert len(captions) == len(followed)
    unit = "Kantor Pelayanan Perbendaharaan Negara Malang"
    assert [c for c in captions if "reworded" in c] == [f"{text} {unit} · reworded over the years" for text, s in followed if s == "reworded"]
    page = Page(dom)
    previous = {r["indicator"]: r["previous_indicator"] for r in query(db, "SELECT * FROM bi.indicator_links WHERE status = 'reworded'")}
    for text, status in followed:
        if status == "reworded":
            assert page.has_row("years", ["2025", previous[text]]) and page.has_row("years", ["2026", text])
    assert "followed by bi.indicator_links" in dom


def test_caps_say_what_they_left_out(ingested, tmp_path):
    db, _ = ingested
    out = tmp_path / "report.html"
    write_report(db, out, limits=Limits(budgets=1, documents=3))
    page = Page(out.read_text(encoding="utf-8"))
    documents = query(db, "SELECT count(*) AS n FROM bi.documents WHERE is_current")[0]["n"]
    assert len([row for section, row in page.rows if section == "documents" and row[0] != "file"]) == 3
    assert f"{documents - 3} more documents left out (showing 3 of {documents})" in page.all_text()
    budgets = {(r["unit"], r["fiscal_year"], r["lines"]) for r in query(db, """
        SELECT unit, fiscal_year, string_agg(level || program_no || coalesce(activity_code, '') || amount_idr, '|' ORDER BY line_no) AS lines
        FROM bi.budget_lines GROUP BY document_id, unit, fiscal_year""")}
    assert f"{len(budgets) - 1} more budgets left out (showing 1 of {len(budgets)})" in page.all_text()
    largest = query(db, "SELECT unit FROM bi.budget_lines WHERE level = 'program' GROUP BY document_id, unit ORDER BY sum(amount_idr) DESC LIMIT 1")
    assert [h for s, h in page.headings if s == "budgets" and " · " in h] == [f"{largest[0]['unit']} · 2024"]


def test_scope_and_bad_input(ingested, tmp_path):
    db, _ = ingested
    out = tmp_path / "malang.html"
    out.write_text("an older report")
    assert run_report(db, out, "--unit", "PERBENDAHARAAN NEGARA", "--year", "2025").exit_code == 0
    page = Page(out.read_text(encoding="utf-8"))
    current = query(db, """SELECT file_name FROM bi.documents
        WHERE is_current AND contains(lower(unit), 'perbendaharaan negara') AND fiscal_year = 2025""")
    assert sorted(row[0] for section, row in page.rows if section == "documents" and row[0] != "file") == sorted(r["file_name"] for r in current)
    assert len(current) == 2  # the revised PK and its companion Rincian, not the superseded original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["malang.html"]  # replaced, no partial file left
    missing = run_report(tmp_path / "none.duckdb", tmp_path / "r.html")
    assert missing.exit_code == 2 and "no warehouse at" in missing.output and len(missing.output.strip().splitlines()) == 1
    no_folder = run_report(db, tmp_path / "absent" / "r.html")
    assert no_folder.exit_code == 2 and "does not exist" in no_folder.output
