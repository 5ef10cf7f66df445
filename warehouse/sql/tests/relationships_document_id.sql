-- Every fact row belongs to a loaded document (dbt: relationships). Returns the orphans.
SELECT 'core.' || table_name AS relation, count(*) AS failures
FROM (
    SELECT 'indicator_targets' AS table_name, document_id FROM core.indicator_targets
    UNION ALL SELECT 'period_targets', document_id FROM core.period_targets
    UNION ALL SELECT 'budget_lines', document_id FROM core.budget_lines
    UNION ALL SELECT 'budget_totals', document_id FROM core.budget_totals
    UNION ALL SELECT 'signatures', document_id FROM core.signatures
    UNION ALL SELECT 'digital_signatures', document_id FROM core.digital_signatures
    UNION ALL SELECT 'parties', document_id FROM core.parties
    UNION ALL SELECT 'skp', document_id FROM core.skp
    UNION ALL SELECT 'skp_behaviours', document_id FROM core.skp_behaviours
    UNION ALL SELECT 'value_problems', document_id FROM core.value_problems
    UNION ALL SELECT 'raw_records', document_id FROM raw.records
    UNION ALL SELECT 'files', document_id FROM core.files WHERE status <> 'quarantined'
) AS facts
WHERE document_id NOT IN (SELECT document_id FROM core.documents)
GROUP BY ALL
