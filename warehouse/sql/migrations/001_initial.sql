-- The first schema of the warehouse.
-- raw  : what the extractors read, strings as printed (replayable).
-- core : typed facts, one table per record type; keys are built from content
--        (document_id + ordinal), never from run time, so a reload is a no-op.
-- bi   : the public views of CONTRACT.md (created by db.py on every open).
-- meta : runs and row counts per load (the trace).
-- Timestamps are UTC without time zone.

CREATE SCHEMA IF NOT EXISTS meta;
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS bi;

CREATE TABLE meta.runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    files       INTEGER,
    loaded      INTEGER,
    duplicate   INTEGER,
    quarantined INTEGER
);

CREATE TABLE meta.loads (
    load_id     VARCHAR PRIMARY KEY,  -- document_id ':' table_name
    run_id      VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    table_name  VARCHAR NOT NULL,
    row_count   INTEGER NOT NULL,
    loaded_at   TIMESTAMP NOT NULL
);

CREATE TABLE core.files (
    file_path   VARCHAR NOT NULL,
    file_name   VARCHAR NOT NULL,
    sha256      VARCHAR NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('loaded', 'duplicate', 'quarantined')),
    reason      VARCHAR CHECK (reason IS NULL OR reason IN (
                    'empty', 'corrupt', 'encrypted', 'not_a_pdf', 'not_a_performance_document',
                    'requires_ocr', 'too_large', 'timeout', 'extraction_failed')),
    detail      VARCHAR,
    document_id VARCHAR,
    run_id      VARCHAR NOT NULL,
    seen_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (file_path, sha256)
);

CREATE TABLE raw.records (
    document_id VARCHAR NOT NULL,
    record_no   INTEGER NOT NULL,  -- 1-based order in the RawDocument
    kind        VARCHAR NOT NULL,
    section     VARCHAR,
    page        INTEGER NOT NULL,
    x0          DOUBLE,
    top         DOUBLE,
    x1          DOUBLE,
    bottom      DOUBLE,
    fields      JSON,
    PRIMARY KEY (document_id, record_no)
);

CREATE TABLE core.documents (
    document_id VARCHAR PRIMARY KEY,
    file_name   VARCHAR NOT NULL,
    unit        VARCHAR,
    fiscal_year INTEGER,
    page_count  INTEGER NOT NULL,
    sections    VARCHAR[] NOT NULL,
    ocr_used    BOOLEAN NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    run_id      VARCHAR NOT NULL
);

CREATE TABLE core.parties (
    document_id VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    party       VARCHAR NOT NULL CHECK (party IN ('first', 'second')),
    name        VARCHAR,
    position    VARCHAR,
    nip         VARCHAR,
    rank        VARCHAR,
    page        INTEGER NOT NULL,
    PRIMARY KEY (document_id, row_no)
);

-- Targets are DECIMAL(24,6), not (18,6): revenue targets printed in triliun
-- (e.g. Rp 1.988,9 triliun = 1.9889e15) would overflow 18 digits.
CREATE TABLE core.indicator_targets (
    document_id    VARCHAR NOT NULL,
    row_no         INTEGER NOT NULL,
    source         VARCHAR NOT NULL CHECK (source IN ('pk', 'skp')),
    objective_no   INTEGER,
    objective      VARCHAR NOT NULL,
    indicator_code VARCHAR,
    indicator      VARCHAR NOT NULL,
    target_raw     VARCHAR NOT NULL,
    target_value   DECIMAL(24,6),
    is_percent     BOOLEAN NOT NULL,
    scale_max      DECIMAL(24,6),
    qualifier      VARCHAR,
    target_unit    VARCHAR,
    perspective    VARCHAR,
    assignment     VARCHAR,
    matched_code   VARCHAR,
    match_score    DOUBLE,
    page           INTEGER NOT NULL,
    x0             DOUBLE,
    top            DOUBLE,
    x1             DOUBLE,
    bottom         DOUBLE,
    PRIMARY KEY (document_id, row_no)
);

-- line_no is the ordinal of the cell in the document; row_no is the row number
-- as printed (NULL when none is printed).
CREATE TABLE core.period_targets (
    document_id    VARCHAR NOT NULL,
    line_no        INTEGER NOT NULL,
    source         VARCHAR NOT NULL CHECK (source IN ('pk_rincian', 'skp_lampiran')),
    row_no         INTEGER,
    objective_no   INTEGER,
    objective      VARCHAR,
    indicator_code VARCHAR,
    indicator      VARCHAR NOT NULL,
    period         VARCHAR NOT NULL CHECK (period IN ('Q1', 'Q2', 'S1', 'Q3', 'YTD_Q3', 'Q4', 'Y')),
    target_raw     VARCHAR NOT NULL,
    target_value   DECIMAL(24,6),
    is_percent     BOOLEAN NOT NULL,
    scale_max      DECIMAL(24,6),
    qualifier      VARCHAR,
    target_unit    VARCHAR,
    matched_code   VARCHAR,
    match_score    DOUBLE,
    page           INTEGER NOT NULL,
    x0             DOUBLE,
    top            DOUBLE,
    x1             DOUBLE,
    bottom         DOUBLE,
    PRIMARY KEY (document_id, line_no)
);

CREATE TABLE core.budget_lines (
    document_id   VARCHAR NOT NULL,
    line_no       INTEGER NOT NULL,  -- 1-based order within the budget table, as extracted
    program_no    INTEGER,
    program       VARCHAR NOT NULL,
    activity_code VARCHAR,
    activity      VARCHAR,
    level         VARCHAR NOT NULL CHECK (level IN ('program', 'activity')),
    amount_idr    DECIMAL(20,2) NOT NULL,
    amount_raw    VARCHAR NOT NULL,
    page          INTEGER NOT NULL,
    x0            DOUBLE,
    top           DOUBLE,
    x1            DOUBLE,
    bottom        DOUBLE,
    PRIMARY KEY (document_id, line_no)
);

CREATE TABLE core.budget_totals (
    document_id VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    source      VARCHAR NOT NULL CHECK (source IN ('pk_budget', 'skp_lampiran')),
    label       VARCHAR NOT NULL,
    amount_idr  DECIMAL(20,2) NOT NULL,
    amount_raw  VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    PRIMARY KEY (document_id, row_no)
);

CREATE TABLE core.signatures (
    document_id    VARCHAR NOT NULL,
    row_no         INTEGER NOT NULL,
    section        VARCHAR NOT NULL,
    block_no       INTEGER NOT NULL,
    role           VARCHAR,
    name           VARCHAR,
    nip            VARCHAR,  -- the digits as read, valid or not
    nip_raw        VARCHAR,
    nip_valid      BOOLEAN,
    nip_birth_date DATE,
    nip_appointed  DATE,     -- first day of the appointment month
    nip_sex        VARCHAR CHECK (nip_sex IS NULL OR nip_sex IN ('male', 'female')),
    nip_problem    VARCHAR,
    place          VARCHAR,
    signed_on      DATE,
    date_precision VARCHAR CHECK (date_precision IS NULL OR date_precision IN ('day', 'month', 'year')),
    electronic     BOOLEAN NOT NULL,
    party          VARCHAR CHECK (party IS NULL OR party IN ('first', 'second')),
    page           INTEGER NOT NULL,
    x0             DOUBLE,
    top            DOUBLE,
    x1             DOUBLE,
    bottom         DOUBLE,
    PRIMARY KEY (document_id, row_no)
);

CREATE TABLE core.skp (
    document_id        VARCHAR PRIMARY KEY,
    fiscal_year        INTEGER,
    period_start       DATE,
    period_end         DATE,
    appraisee_name     VARCHAR,
    appraisee_nip      VARCHAR,
    appraisee_rank     VARCHAR,
    appraisee_position VARCHAR,
    appraisee_unit     VARCHAR,
    appraiser_name     VARCHAR,
    appraiser_nip      VARCHAR,
    appraiser_rank     VARCHAR,
    appraiser_position VARCHAR,
    appraiser_unit     VARCHAR,
    employees          INTEGER,
    budget_idr         DECIMAL(20,2),
    page               INTEGER NOT NULL
);

CREATE TABLE core.skp_behaviours (
    document_id  VARCHAR NOT NULL,
    row_no       INTEGER NOT NULL,
    behaviour_no INTEGER NOT NULL,
    behaviour    VARCHAR NOT NULL,
    criteria     VARCHAR[] NOT NULL,
    expectation  VARCHAR,
    page         INTEGER NOT NULL,
    PRIMARY KEY (document_id, row_no)
);

-- Filled by signature validation (pyHanko) later; empty until then.
CREATE TABLE core.digital_signatures (
    document_id           VARCHAR NOT NULL,
    row_no                INTEGER NOT NULL,
    field_name            VARCHAR,
    signer_name           VARCHAR,
    signer_org            VARCHAR,
    issuer                VARCHAR,
    signing_time          TIMESTAMP,
    intact                BOOLEAN,
    covers_whole_document BOOLEAN,
    trusted               BOOLEAN,  -- NULL when no trust roots are configured
    modification_level    VARCHAR,
    error                 VARCHAR,
    PRIMARY KEY (document_id, row_no)
);
