-- Keys and lineage are never empty (dbt: not_null): document, page, and the row's ordinal.
SELECT relation, count(*) AS failures FROM (
    SELECT 'bi.indicator_targets' AS relation FROM bi.indicator_targets WHERE document_id IS NULL OR page IS NULL OR row_no IS NULL
    UNION ALL SELECT 'bi.period_targets' FROM bi.period_targets WHERE document_id IS NULL OR page IS NULL OR period IS NULL
    UNION ALL SELECT 'bi.budget_lines' FROM bi.budget_lines WHERE document_id IS NULL OR page IS NULL OR level IS NULL
    UNION ALL SELECT 'bi.signatures' FROM bi.signatures WHERE document_id IS NULL OR page IS NULL
    UNION ALL SELECT 'bi.files' FROM bi.files WHERE status = 'quarantined' AND reason IS NULL
) AS missing
GROUP BY ALL
