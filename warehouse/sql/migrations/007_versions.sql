-- Issue 10: versions of a unit's agreement, re-extraction, indicators across years.
-- revision_label: the revision printed in the title block ('REVISI I'), NULL for an original;
-- revision_no its number (0 for an original). extractor_version: extractors.EXTRACTOR_VERSION
-- of the code that read the document (NULL: loaded before versions were recorded).
ALTER TABLE core.documents ADD COLUMN revision_label VARCHAR;
ALTER TABLE core.documents ADD COLUMN revision_no INTEGER;
ALTER TABLE core.documents ADD COLUMN extractor_version INTEGER;
-- The keys that chain versions (schemas/versions.py), computed once at load: signed_on the
-- latest visible signature date, signers_key who signed, content_key a hash of what it states.
-- NULL for documents loaded before this migration: each stays a chain of its own until re-read.
ALTER TABLE core.documents ADD COLUMN signed_on DATE;
ALTER TABLE core.documents ADD COLUMN signers_key VARCHAR;
ALTER TABLE core.documents ADD COLUMN content_key VARCHAR;

-- The bi fact views over every loaded document, current or not (bi shows current ones).
CREATE SCHEMA IF NOT EXISTS all_versions;

-- What a re-extraction replaced: each row of the document's core tables as it was, as JSON.
CREATE SCHEMA IF NOT EXISTS history;
CREATE TABLE history.replaced_rows (
    document_id       VARCHAR NOT NULL,
    extractor_version INTEGER,
    replaced_at       TIMESTAMP NOT NULL,
    run_id            VARCHAR NOT NULL,
    table_name        VARCHAR NOT NULL,
    row_json          JSON NOT NULL
);

-- Each indicator of a current PK with its best counterpart in the same unit's previous-year
-- PK, scored by meaning (warehouse/links.py recomputes it after every run that loads).
CREATE TABLE core.indicator_link_rows (
    document_id          VARCHAR NOT NULL,
    row_no               INTEGER NOT NULL,
    previous_document_id VARCHAR,
    previous_row_no      INTEGER,
    match_score          DECIMAL(5,1) NOT NULL,
    status               VARCHAR NOT NULL,
    PRIMARY KEY (document_id, row_no)
);
