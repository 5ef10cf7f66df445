-- Each indicator of a current PK with its counterpart in the same unit's previous PK (its
-- latest earlier fiscal year), linked by meaning (schemas/lineage.py), never by code alone.
-- status: 'same' (same text, whatever the code), 'reworded', 'review' (a likely link for a
-- person to confirm, not a fact: a score under 80, or a word of each text missing from the other), 'new' (no counterpart; previous_code and previous_indicator
-- NULL; previous_document_id the PK it was compared with, NULL in a unit's first year).
-- match_score 0-100: text, objective and position weighed (for 'new', the best score seen).
CREATE OR REPLACE VIEW bi.indicator_links AS
SELECT l.document_id, d.unit, d.fiscal_year, t.indicator_code, t.indicator,
       l.previous_document_id, p.fiscal_year AS previous_fiscal_year,
       pt.indicator_code AS previous_code, pt.indicator AS previous_indicator,
       CAST(l.match_score AS DOUBLE) AS match_score, l.status,
       t.row_no, l.previous_row_no, substr(md5(d.unit_key), 1, 12) AS unit_id
FROM core.indicator_link_rows l
JOIN core.document_versions d USING (document_id)
JOIN core.indicator_targets t ON t.document_id = l.document_id AND t.row_no = l.row_no
LEFT JOIN core.documents p ON p.document_id = l.previous_document_id
LEFT JOIN core.indicator_targets pt ON pt.document_id = l.previous_document_id AND pt.row_no = l.previous_row_no
WHERE d.is_current
ORDER BY d.unit_key, d.fiscal_year, l.document_id, l.row_no;
