-- Each bi view holds one row per its grain (dbt: unique); a join that fans out shows here.
SELECT relation, count(*) AS failures FROM (
    SELECT 'bi.documents' AS relation FROM bi.documents GROUP BY document_id HAVING count(*) > 1
    UNION ALL SELECT 'bi.files' FROM bi.files GROUP BY file_path, sha256 HAVING count(*) > 1
    UNION ALL SELECT 'bi.indicator_targets' FROM bi.indicator_targets GROUP BY document_id, row_no HAVING count(*) > 1
    UNION ALL SELECT 'bi.period_targets' FROM bi.period_targets GROUP BY document_id, line_no HAVING count(*) > 1
    UNION ALL SELECT 'bi.budget_lines' FROM bi.budget_lines GROUP BY document_id, line_no HAVING count(*) > 1
    UNION ALL SELECT 'bi.parties' FROM bi.parties GROUP BY document_id, party, page, name HAVING count(*) > 1
    UNION ALL SELECT 'bi.skp' FROM bi.skp GROUP BY document_id HAVING count(*) > 1
    UNION ALL SELECT 'bi.reconciliation' FROM bi.reconciliation
        GROUP BY document_id, check_name, subject, stated, computed HAVING count(*) > 1
) AS dupes
GROUP BY ALL
