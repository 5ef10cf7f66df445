-- Two targets agree when both are '-' (NULL), or when value and percent sign are equal.
CREATE OR REPLACE MACRO core.target_status(stated, computed, stated_percent, computed_percent) AS
    CASE WHEN stated IS NULL AND computed IS NULL THEN 'ok'
         WHEN stated = computed AND stated_percent = computed_percent THEN 'ok'
         ELSE 'mismatch' END;
