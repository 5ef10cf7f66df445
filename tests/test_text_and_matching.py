import pytest

from schemas.codes import IKU_CODE_RE, find_iku_code, parse_iku_code
from schemas.errors import ParseError
from schemas.matching import (
    MATCH_THRESHOLD,
    indicator_key,
    indicator_score,
    match_all,
    match_indicator,
)
from schemas.text import fold, join_wrapped, squash, strip_label

# ---------------------------------------------------------------- text


def test_join_wrapped() -> None:
    assert join_wrapped(["Undang-", "Undang Dasar Negara Republik Indonesia Tahun"]) == (
        "Undang-Undang Dasar Negara Republik Indonesia Tahun"
    )
    assert join_wrapped(
        [
            "Indeks efektivitas investasi pemerintah ",
            "pada BA 999.03, BA 999.04, dan            ",
            "BA 999.07",
        ]
    ) == ("Indeks efektivitas investasi pemerintah pada BA 999.03, BA 999.04, dan BA 999.07")
    assert (
        join_wrapped(["", "  Penguatan Internal ", "", "atau Anggaran"]) == "Penguatan Internal atau Anggaran"
    )
    # A dash after a space is a dash, not a cut word.
    assert join_wrapped(["Anggaran -", "Belanja"]) == "Anggaran - Belanja"
    assert join_wrapped([]) == ""


def test_squash() -> None:
    assert squash("  Tingkat\tkualitas \n pengelolaan\u00a0SDM ") == "Tingkat kualitas pengelolaan SDM"
    assert squash("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menteri Keuangan,", "Menteri Keuangan"),
        ("Direktur Jenderal Perbendaharaan, ", "Direktur Jenderal Perbendaharaan"),
        ("Ekspektasi Khusus Pimpinan:", "Ekspektasi Khusus Pimpinan"),
        ("NAMA :", "NAMA"),
        ("Pegawai yang dinilai,", "Pegawai yang dinilai"),
        ("Direktur Jenderal", "Direktur Jenderal"),
    ],
)
def test_strip_label(text: str, expected: str) -> None:
    assert strip_label(text) == expected


def test_fold() -> None:
    assert fold("Nilai kualitas pelaksanaan anggaran K/L") == "nilai kualitas pelaksanaan anggaran k l"
    assert fold("  Café  Évaluasi,  (special mission) ") == "cafe evaluasi special mission"
    assert fold("PERIODE PENILAIAN:") == "periode penilaian"


# ---------------------------------------------------------------- codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1a-CP", (1, "a", "CP")),
        ("4b-N", (4, "b", "N")),
        ("10a-CP", (10, "a", "CP")),
        (" 9a-CP ", (9, "a", "CP")),
    ],
)
def test_parse_iku_code(text: str, expected: tuple[int, str, str]) -> None:
    assert parse_iku_code(text) == expected


@pytest.mark.parametrize("text", ["", "1a", "a-CP", "1a-CP Tingkat", "100a-CP", "1-CP"])
def test_parse_iku_code_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse_iku_code(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1a-CP Tingkat efektivitas kerja sama keuangan internasional", "1a-CP"),
        ("1c-CP Indeks integritas organisasi 100", "1c-CP"),
        ("4b-N\nIndeks efektivitas investasi", "4b-N"),
        ("10a-CP Indeks", "10a-CP"),
        ("Tingkat kualitas pengelolaan SDM", None),
        ("a. Komunikasi, Edukasi, dan Standardisasi", None),
        ("Indeks 1a-CP", None),
        ("la-CP Nilai Indikator Kinerja Pelaksanaan Anggaran", "1a-CP"),  # OCR's 'l' for '1'
        ("Ib-N Persentase", "1b-N"),
        ("lain-lain", None),
        ("Ia-ya", None),
        ("Ilb-N", None),
    ],
)
def test_find_iku_code(text: str, expected: str | None) -> None:
    assert find_iku_code(text) == expected


def test_iku_code_re_finds_codes_in_a_line() -> None:
    line = "1a-CP Tingkat ... 1b-CP Tingkat ... 4b-N Indeks"
    assert [m.group() for m in IKU_CODE_RE.finditer(line)] == ["1a-CP", "1b-CP", "4b-N"]


# ---------------------------------------------------------------- matching
# Typed from ../shared/seed/djpb-2024-pk-skp.txt (beside the checkout), line breaks and spacing as printed.

PK_IKUS = {
    "1a-CP": "Tingkat efektivitas kerja sama keuangan \ninternasional",
    "1b-CP": "Tingkat kepuasan stakeholder dan \npengguna layanan",
    "1c-CP": "Indeks integritas organisasi",
    "2a-CP": "Indeks optimalisasi kas terhadap bunga \nutang",
    "2b-CP": "Indeks opini BPK atas LKPP dan BUN",
    "3a-CP": "Indeks efektivitas kebijakan belanja \nnegara",
    "3b-CP": "Indeks efektivitas kebijakan \nperbendaharaan, kekayaan negara dan \nrisiko",
    "3c-CP": "Nilai kualitas pelaksanaan anggaran \nK/L",
    "4a-CP": "Tingkat keberhasilan inklusi sektor \nkeuangan",
    "4b-N": "Indeks efektivitas investasi pemerintah \npada BA 999.03, BA 999.04, dan            \nBA 999.07",
    "4c-N": "Tingkat efektivitas implementasi \nKemenkeu Kewilayahan",
    "5a-N": "Tingkat implementasi penajaman tugas \nTreasury, Regional Economist dan Financial\nAdvisory",
    "5b-N": "Tingkat implementasi standardisasi \nkompetensi Pengelola Perbendaharaan",
    "6a-CP": "Indeks efektivitas kinerja dan maturitas \ntata kelola BLU",
    "6b-N": "Indeks kemandirian BLU",
    "7a-CP": "Nilai evaluasi organisasi",
    "7b-CP": "Tingkat kualitas pengelolaan SDM",
    "7c-CP": "Tingkat kualitas pengelolaan TIK",
    "8a-CP": "Indeks kualitas pengelolaan Keuangan \nBA 015",
    "9a-CP": "Indeks maturitas penyelenggaraan SPIP",
}
SKP_IKIS = [
    "Tingkat efektivitas kerja sama \nkeuangan internasional",
    "Tingkat kepuasan stakeholder dan \npengguna layanan",
    "Indeks integritas organisasi",
    "Indeks optimalisasi kas terhadap \nbunga utang",
    "Indeks opini BPK atas LKPP dan BUN",
    "Indeks efektivitas kebijakan belanja\nnegara",
    "Indeks efektivitas kebijakan \nperbendaharaan, kekayaan negara dan\nrisiko",
    "Nilai kualitas pelaksanaan anggaran\nK/L",
    "Tingkat keberhasilan inklusi sektor \nkeuangan",
    "Indeks efektivitas investasi pemerintah\npada BA 999.03, BA 999.04, dan            \nBA 999.07",
    "Tingkat efektivitas implementasi \nKemenkeu Kewilayahan",
    "Tingkat implementasi penajaman \ntugas Treasury, Regional Economist dan \nFinancial Advisory",
    "Tingkat implementasi standardisasi \nkompetensi Pengelola Perbendaharaan",
    "Indeks efektivitas kinerja dan \nmaturitas tata kelola BLU",
    "Indeks kemandirian BLU",
    "Nilai evaluasi organisasi",
    "Tingkat kualitas pengelolaan SDM",
    "Tingkat kualitas pengelolaan TIK",
    "Indeks kualitas pengelolaan Keuangan\nBA015",
    "Indeks maturitas penyelenggaraan\nSPIP",
]
LAMPIRAN_IKIS = [
    "Tingkat efektivitas kerja sama \nkeuangan internasional",
    "Tingkat kepuasan stakeholder dan \npengguna layanan",
    "Indeks integritas organisasi",
    "Indeks optimalisasi kas terhadap \nbunga utang",
    "Indeks opini BPK atas LKPP dan \nBUN",
    "Indeks efektivitas kebijakan \nbelanja negara",
    "Indeks efektivitas kebijakan \nperbendaharaan, kekayaan \nnegara dan risiko",
    "Nilai kualitas pelaksanaan \nanggaran K/L",
    "Tingkat keberhasilan inklusi \nsektor keuangan",
    "Indeks efektivitas investasi \npemerintah pada BA 999.03, BA \n999.04, dan BA 999.07",
    "Tingkat efektivitas implementasi \nKemenkeu Kewilayahan",
    "Tingkat implementasi penajaman\ntugas Treasury, Regional Economist\ndan Financial Advisory",
    "Tingkat implementasi \nstandardisasi kompetensi \nPengelola Perbendaharaan",
    "Indeks efektivitas kinerja dan \nmaturitas tata kelola BLU",
    "Indeks kemandirian BLU",
    "Nilai evaluasi organisasi",
    "Tingkat kualitas pengelolaan \nSDM",
    "Tingkat kualitas pengelolaan TIK",
    "Indeks kualitas pengelolaan \nKeuangan BA015",
    "Indeks maturitas \npenyelanggaraan SPIP",
]
RINCIAN_IKUS = {
    "8a-CP": "Indeks kualitas pengelolaan \nKeuangan BA015",
    "9a-CP": "Indeks maturitas \npenyelenggaraan SPIP",
}


def test_normalised_tokens() -> None:
    assert (
        indicator_key("Indeks kualitas pengelolaan Keuangan \nBA 015")
        == "indeks kualitas pengelolaan keuangan ba015"
    )
    assert indicator_key("Keuangan BA015") == indicator_key("Keuangan BA-015") == "keuangan ba015"
    assert (
        indicator_key("pada BA 999.03, BA \n999.04, dan BA 999.07") == "pada ba999.03 ba999.04 dan ba999.07"
    )
    assert indicator_key("anggaran\nK/L") == "anggaran k l"


def test_each_skp_iki_maps_to_its_pk_iku() -> None:
    for text, code in zip(SKP_IKIS, PK_IKUS, strict=True):
        matched, score = match_indicator(text, PK_IKUS)
        assert (matched, score) == (code, 100.0), text


def test_each_lampiran_iki_maps_to_its_pk_iku_despite_drift() -> None:
    for text, code in zip(LAMPIRAN_IKIS, PK_IKUS, strict=True):
        matched, score = match_indicator(text, PK_IKUS)
        assert matched == code, text
        assert score >= 98, text


def test_drift_scores() -> None:
    # 'penyelanggaraan' in the lampiran, 'BA015' in the rincian: a typo costs little...
    assert indicator_score("Indeks maturitas \npenyelanggaraan SPIP", PK_IKUS["9a-CP"]) == 98.33
    assert indicator_score(RINCIAN_IKUS["8a-CP"], PK_IKUS["8a-CP"]) == 100.0
    # ...a different word a lot: near-identical indicators stay far apart.
    assert indicator_score(PK_IKUS["7b-CP"], PK_IKUS["7c-CP"]) == 75.0
    assert indicator_score(PK_IKUS["3a-CP"], PK_IKUS["3b-CP"]) < 65
    assert (
        indicator_score(
            "Indeks kualitas pengelolaan Keuangan BA 015", "Indeks kualitas pengelolaan Keuangan BA 016"
        )
        < MATCH_THRESHOLD
    )


def test_best_wrong_candidate_is_under_the_threshold() -> None:
    for text, code in zip(SKP_IKIS + LAMPIRAN_IKIS, list(PK_IKUS) * 2, strict=True):
        others = {key: value for key, value in PK_IKUS.items() if key != code}
        matched, score = match_indicator(text, others)
        assert matched is None, text
        assert score <= 75, text


def test_near_identical_ones_are_not_confused() -> None:
    assert match_indicator("Tingkat kualitas pengelolaan \nSDM", PK_IKUS)[0] == "7b-CP"
    assert match_indicator("Tingkat kualitas pengelolaan TIK", PK_IKUS)[0] == "7c-CP"
    assert match_indicator("Indeks efektivitas kebijakan \nbelanja negara", PK_IKUS)[0] == "3a-CP"
    assert (
        match_indicator("Indeks efektivitas kebijakan perbendaharaan, kekayaan negara dan risiko", PK_IKUS)[0]
        == "3b-CP"
    )
    # Without its own IKU among the candidates, TIK is not given SDM's code.
    without_tik = {key: value for key, value in PK_IKUS.items() if key != "7c-CP"}
    assert match_indicator("Tingkat kualitas pengelolaan TIK", without_tik) == (None, 75.0)


def test_no_match_for_an_unrelated_text() -> None:
    assert match_indicator("Jumlah Anggaran pada Direktorat Jenderal Perbendaharaan", PK_IKUS)[0] is None
    assert match_indicator("", PK_IKUS) == (None, 0.0)
    assert match_indicator("Indeks kemandirian BLU", {}) == (None, 0.0)


def test_match_all_seed() -> None:
    expected = [(code, 100.0) for code in PK_IKUS]
    assert match_all(SKP_IKIS, PK_IKUS) == expected
    assert [code for code, _ in match_all(LAMPIRAN_IKIS, PK_IKUS)] == list(PK_IKUS)
    assert [code for code, _ in match_all(list(RINCIAN_IKUS.values()), PK_IKUS)] == ["8a-CP", "9a-CP"]


def test_match_all_is_one_to_one() -> None:
    candidates = {"7b-CP": PK_IKUS["7b-CP"], "7c-CP": PK_IKUS["7c-CP"]}
    # A typo'd SDM row and an exact SDM row: the exact one takes 7b-CP, the other
    # cannot take it again and is not pushed onto TIK (75 is under the threshold).
    texts = [
        "Tingkat kualitas pengelolan SDM",
        "Tingkat kualitas pengelolaan SDM",
        "Tingkat kualitas pengelolaan TIK",
    ]
    result = match_all(texts, candidates)
    assert [code for code, _ in result] == [None, "7b-CP", "7c-CP"]
    assert result[0][1] > MATCH_THRESHOLD
    # match_indicator alone would give both SDM rows the same code.
    assert match_indicator(texts[0], candidates)[0] == match_indicator(texts[1], candidates)[0] == "7b-CP"


def test_match_all_prefers_the_better_unique_assignment() -> None:
    candidates = {
        "A": "Indeks efektivitas kebijakan belanja negara daerah pusat",
        "B": "Indeks efektivitas kebijakan belanja negara daerah",
    }
    texts = [
        "Indeks efektivitas kebijakan belanja negara daerah baru",
        "Indeks efektivitas kebijakan belanja negara daerah",
    ]
    # Row by row both texts would take B; B is the second text exactly, so the first gets A.
    assert [match_indicator(text, candidates)[0] for text in texts] == ["B", "B"]
    assert match_all(texts, candidates) == [("A", 85.71), ("B", 100.0)]


def test_statement_fields_without_a_colon_and_a_nip_on_its_own_line():
    """Real statement pages: the NIP printed on its own line under the Jabatan, and labels
    whose colon a scan's text layer lost; a NIP printed before a party's block (under a
    signature) is not that party's."""
    from extractors.statement import party_records

    lines = [
        ("NIP. 196001011990031001", 1),
        ("Nama : Budi Santoso", 1),
        ("Jabatan : Kepala Dinas Komunikasi dan Informatika", 1),
        ("NIP 197001012000031001", 1),
        ("selanjutnya disebut PIHAK PERTAMA", 1),
        ("Nama Ir. R. ABDULLAH, MP", 1),
        ("Jabatan Kepala Bidang Produksi", 1),
        ("Selanjutnya disebut PIHAK KEDUA", 1),
    ]
    parties = [r.fields for r in party_records(lines)]
    assert parties == [
        {"party": "first", "name": "Budi Santoso", "position": "Kepala Dinas Komunikasi dan Informatika", "nip": "197001012000031001"},
        {"party": "second", "name": "Ir. R. ABDULLAH, MP", "position": "Kepala Bidang Produksi"},
    ]
