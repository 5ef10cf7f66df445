-- A section recognised by its table header or its title that yielded no rows: the
-- reader found the table (or its heading) but could not read a single row from it.
WITH seen AS (
    SELECT document_id, unnest(sections) AS section FROM core.documents
    UNION
    -- a section title ('RINCIAN TARGET KINERJA', 'SASARAN KINERJA PEGAWAI', a Lampiran's)
    SELECT document_id, section FROM raw.records
    WHERE kind = 'title' AND section IN ('pk_rincian', 'skp', 'skp_lampiran')
    UNION
    -- an SKP always states its PERILAKU KERJA
    SELECT document_id, 'skp behaviours' FROM core.skp
),
fact_kinds AS (
    SELECT document_id, 'pk' AS section FROM core.indicator_targets WHERE source = 'pk'
    UNION ALL SELECT document_id, 'skp' FROM core.indicator_targets WHERE source = 'skp'
    UNION ALL SELECT document_id, 'skp' FROM core.skp
    UNION ALL SELECT document_id, 'pk_budget' FROM core.budget_lines
    UNION ALL SELECT document_id, 'pk_budget' FROM core.budget_totals WHERE source = 'pk_budget'
    UNION ALL SELECT document_id, 'pk_rincian' FROM core.period_targets WHERE source = 'pk_rincian'
    UNION ALL SELECT document_id, 'skp_lampiran' FROM core.period_targets WHERE source = 'skp_lampiran'
    UNION ALL SELECT document_id, 'skp_lampiran' FROM core.budget_totals WHERE source = 'skp_lampiran'
    UNION ALL SELECT document_id, 'pk_statement' FROM core.parties
    UNION ALL SELECT document_id, 'skp behaviours' FROM core.skp_behaviours
),
counted AS (
    SELECT s.document_id, s.section, count(f.section) AS n
    FROM seen s
    JOIN core.documents d USING (document_id)
    LEFT JOIN fact_kinds f ON f.document_id = s.document_id AND f.section = s.section
    WHERE d.document_kind IN ('perjanjian_kinerja', 'skp')
    GROUP BY ALL
)
SELECT document_id,
       'extraction_section_without_rows' AS check_name,
       'section ' || section AS subject,
       CAST(NULL AS DECIMAL(24,6)) AS stated,
       CAST(n AS DECIMAL(24,6)) AS computed,
       CAST(NULL AS DECIMAL(24,6)) AS difference,
       CASE WHEN n > 0 THEN 'ok' ELSE 'mismatch' END AS status
FROM counted
