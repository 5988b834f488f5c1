-- Marsad archive, schema version 2: facts about the archive itself.
-- 'analysis' is the version of the text analysis the full-text index was
-- built with (see store.AnalysisVersion); an index built with another
-- version is stale until rebuilt (sqlite.DB.Reindex).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;


-- The full-text index gains a third column, facets: tokens for the source
-- and the publication day, month and year of each article (see facets.go),
-- so that --source and --from/--to filters are part of the full-text
-- match and ranking only scores the articles that pass them. The index is
-- rebuilt: an archive made with version 1 is marked stale until
-- sqlite.DB.Reindex runs.
DROP TABLE fts;
CREATE VIRTUAL TABLE fts USING fts5(
  title, body, facets,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);
INSERT INTO meta(key, value) SELECT 'analysis', 'rebuild' WHERE EXISTS (SELECT 1 FROM articles);
