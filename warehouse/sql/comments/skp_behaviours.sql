COMMENT ON VIEW bi.skp_behaviours IS $$The SKP's Perilaku Kerja (the BerAKHLAK core values), one row per behaviour, with the leader's specific expectation.$$;
COMMENT ON COLUMN bi.skp_behaviours.document_id IS $$The document (SHA-256 of the file's bytes; joins bi.documents).$$;
COMMENT ON COLUMN bi.skp_behaviours.behaviour_no IS $$The behaviour's number as printed (1-7).$$;
COMMENT ON COLUMN bi.skp_behaviours.behaviour IS $$The behaviour's name as printed, e.g. 'Berorientasi Pelayanan'.$$;
COMMENT ON COLUMN bi.skp_behaviours.expectation IS $$Ekspektasi Khusus Pimpinan: what the appraiser expects, as printed; NULL when left blank.$$;
COMMENT ON COLUMN bi.skp_behaviours.criteria IS $$The behaviour's printed criteria (its bullet points), a list of text in printed order.$$;
COMMENT ON COLUMN bi.skp_behaviours.page IS $$The 1-based page of the PDF the behaviour was read from.$$;
