-- Two rows name the same indicator: the same code, or the same text. A code alone never
-- links across documents (bi.indicator_links); within one document it does.
CREATE OR REPLACE MACRO core.same_indicator(code_a, text_a, code_b, text_b) AS
    (code_a IS NOT NULL AND code_a = code_b) OR text_a = text_b;
