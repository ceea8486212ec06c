-- One word for the grouping's phrases across code, API and screens: the lexicon.
ALTER TABLE vocabulary_terms RENAME TO lexicon_phrases;
UPDATE audit_log SET action = 'lexicon_add' WHERE action = 'vocabulary_add';
UPDATE audit_log SET action = 'lexicon_remove' WHERE action = 'vocabulary_remove';
