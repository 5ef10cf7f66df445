-- The budget table in the document's order: program rows and their activities. Current documents only (bi.document_versions); every version: all_versions.budget_lines.
CREATE OR REPLACE VIEW bi.budget_lines AS
SELECT * EXCLUDE (is_current) FROM all_versions.budget_lines WHERE is_current;
