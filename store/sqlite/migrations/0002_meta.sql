-- Marsad archive, schema version 2: facts about the archive itself.
-- 'analysis' is the version of the text analysis the full-text index was
-- built with (see store.AnalysisVersion); an index built with another
-- version is stale until rebuilt (sqlite.DB.Reindex).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

