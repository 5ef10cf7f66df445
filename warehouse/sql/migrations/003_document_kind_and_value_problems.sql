-- What kind of performance document a file is (an LKjIP or RKT is loaded, but yields no
-- PK facts), and printed values that could not be read: the fact row keeps its raw text
-- with a NULL value, and the problem is listed here and in bi.reconciliation.
ALTER TABLE core.documents ADD COLUMN document_kind VARCHAR;

ALTER TABLE core.budget_lines ALTER COLUMN amount_idr DROP NOT NULL;

CREATE TABLE core.value_problems (
    document_id VARCHAR NOT NULL,
    row_no      INTEGER NOT NULL,
    record_kind VARCHAR NOT NULL,
    field       VARCHAR NOT NULL,
    raw         VARCHAR NOT NULL,
    problem     VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    PRIMARY KEY (document_id, row_no)
);
