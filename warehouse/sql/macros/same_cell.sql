-- Two documents' rows name the same indicator: the same code where both print or match one,
-- else the same text. Used across files, where a code is compared only with a code.
CREATE OR REPLACE MACRO core.same_cell(code_a, text_a, code_b, text_b) AS
    CASE WHEN code_a IS NOT NULL AND code_b IS NOT NULL THEN code_a = code_b ELSE text_a = text_b END;
