-- One unit however its name is spelled: 'KPPN Malang', 'Kantor Pelayanan Perbendaharaan
-- Negara (KPPN) Malang' and 'KANTOR PELAYANAN PERBENDAHARAAN NEGARA MALANG' have one key.
-- Lower case without accents or punctuation, a bracketed abbreviation dropped, the usual
-- abbreviations written out, Roman numerals as digits ('Medan II' = 'Medan 2'), 'dan' left out.
CREATE OR REPLACE MACRO core.unit_key(name) AS
    nullif(array_to_string(list_filter(list_transform(
        string_split(trim(regexp_replace(lower(strip_accents(
            regexp_replace(name, '\(\s*[A-Za-z]{2,10}\s*\)', ' ', 'g'))), '[^a-z0-9]+', ' ', 'g')), ' '),
        lambda w: coalesce(MAP {
            'kanwil': 'kantor wilayah', 'kppn': 'kantor pelayanan perbendaharaan negara',
            'kpp': 'kantor pelayanan pajak', 'kpknl': 'kantor pelayanan kekayaan negara lelang',
            'djpb': 'direktorat jenderal perbendaharaan', 'djp': 'direktorat jenderal pajak',
            'djbc': 'direktorat jenderal bea cukai', 'djkn': 'direktorat jenderal kekayaan negara',
            'djpk': 'direktorat jenderal perimbangan keuangan', 'dja': 'direktorat jenderal anggaran',
            'djppr': 'direktorat jenderal pengelolaan pembiayaan risiko',
            'ditjen': 'direktorat jenderal', 'dit': 'direktorat', 'setditjen': 'sekretariat direktorat jenderal',
            'setjen': 'sekretariat jenderal', 'kemenkeu': 'kementerian keuangan',
            'prov': 'provinsi', 'kab': 'kabupaten', 'pemprov': 'pemerintah provinsi',
            'pemkab': 'pemerintah kabupaten', 'pemkot': 'pemerintah kota',
            'jatim': 'jawa timur', 'jateng': 'jawa tengah', 'jabar': 'jawa barat', 'sulut': 'sulawesi utara',
            'sumut': 'sumatera utara', 'sumbar': 'sumatera barat', 'sulsel': 'sulawesi selatan',
            'ntb': 'nusa tenggara barat', 'ntt': 'nusa tenggara timur',
            'i': '1', 'ii': '2', 'iii': '3', 'iv': '4', 'v': '5', 'vi': '6', 'vii': '7', 'viii': '8', 'ix': '9', 'x': '10'
        }[w], w)),
        lambda w: w NOT IN ('', 'dan')), ' '), '');
