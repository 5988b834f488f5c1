-- Marsad archive, schema version 5: facts keep offsets, not copies of
-- the text, and an article's entities not a copy of their names.
--
-- The text of a mention, time expression, quantity or quote is the span
-- of the article text its offsets give (article_text.text: title, two
-- newlines, body; code points, end exclusive). Up to version 4 it was
-- stored again with each fact, a third of an extracted archive. The facts
-- now live in the base tables fact_mentions, fact_times,
-- fact_quantities and fact_quotes, whose text column is NULL when it is
-- the span (always, for what Marsad's extractors write; an extractor whose
-- text differs from its span keeps its own). The views mentions, times,
-- quantities and quotes have the version 4 columns, text computed.

CREATE TABLE fact_mentions (
  article  INTEGER NOT NULL REFERENCES articles(n),
  local_id TEXT NOT NULL,
  start    INTEGER NOT NULL,
  "end"    INTEGER NOT NULL,
  text     TEXT,                           -- NULL: the span start.."end" of the article text
  PRIMARY KEY (article, start, local_id)
) WITHOUT ROWID;

CREATE TABLE fact_times (
  article INTEGER NOT NULL REFERENCES articles(n),
  start   INTEGER NOT NULL,
  "end"   INTEGER NOT NULL,
  text    TEXT,                            -- NULL: the span
  type    TEXT NOT NULL,
  value   TEXT,
  mod     TEXT,
  PRIMARY KEY (article, start, "end")
) WITHOUT ROWID;

CREATE TABLE fact_quantities (
  article INTEGER NOT NULL REFERENCES articles(n),
  start   INTEGER NOT NULL,
  "end"   INTEGER NOT NULL,
  text    TEXT,                            -- NULL: the span
  value   REAL,
  min     REAL,
  max     REAL,
  approx  INTEGER NOT NULL,
  kind    TEXT NOT NULL DEFAULT '',
  unit    TEXT,
  PRIMARY KEY (article, start, "end")
) WITHOUT ROWID;

CREATE TABLE fact_quotes (
  article      INTEGER NOT NULL REFERENCES articles(n),
  start        INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  text         TEXT,                       -- NULL: the span
  direct       INTEGER NOT NULL,
  speaker      TEXT,                       -- local entity id (article_entities.local_id)
  speaker_text TEXT,
  speaker_norm TEXT NOT NULL DEFAULT '',   -- search-normalized speaker name
  cue          TEXT,
  PRIMARY KEY (article, start, "end")
) WITHOUT ROWID;

-- The stored copies move over as NULL where they equal the span (SQL
-- compares the bytes), and as themselves where they do not.
INSERT INTO fact_mentions(article, local_id, start, "end", text)
  SELECT f.article, f.local_id, f.start, f."end",
    nullif(f.text, substr(t.text, f.start + 1, f."end" - f.start))
  FROM mentions f JOIN article_text t ON t.n = f.article;
INSERT INTO fact_times(article, start, "end", text, type, value, mod)
  SELECT f.article, f.start, f."end", nullif(f.text, substr(t.text, f.start + 1, f."end" - f.start)),
    f.type, f.value, f.mod
  FROM times f JOIN article_text t ON t.n = f.article;
INSERT INTO fact_quantities(article, start, "end", text, value, min, max, approx, kind, unit)
  SELECT f.article, f.start, f."end", nullif(f.text, substr(t.text, f.start + 1, f."end" - f.start)),
    f.value, f.min, f.max, f.approx, f.kind, f.unit
  FROM quantities f JOIN article_text t ON t.n = f.article;
INSERT INTO fact_quotes(article, start, "end", text, direct, speaker, speaker_text, speaker_norm, cue)
  SELECT f.article, f.start, f."end", nullif(f.text, substr(t.text, f.start + 1, f."end" - f.start)),
    f.direct, f.speaker, f.speaker_text, f.speaker_norm, f.cue
  FROM quotes f JOIN article_text t ON t.n = f.article;
DROP TABLE mentions;
DROP TABLE times;
DROP TABLE quantities;
DROP TABLE quotes;

-- The version 4 tables, as views. The span is cut from the text as the
-- article_text view joins it, but without joining it when it need not: a
-- span in the body is cut from the body alone (its offset less the
-- title's length and the two newlines), so that reading a fact does not
-- first copy the whole article.
CREATE VIEW mentions AS
  SELECT f.article, f.local_id, f.start, f."end",
    coalesce(f.text, CASE
      WHEN a.title = '' THEN substr(a.body, f.start + 1, f."end" - f.start)
      WHEN a.body = '' THEN substr(a.title, f.start + 1, f."end" - f.start)
      WHEN f.start >= length(a.title) + 2 THEN substr(a.body, f.start - length(a.title) - 1, f."end" - f.start)
      ELSE substr(a.title || char(10) || char(10) || a.body, f.start + 1, f."end" - f.start) END) AS text
  FROM fact_mentions f JOIN articles a ON a.n = f.article;

CREATE VIEW times AS
  SELECT f.article, f.start, f."end",
    coalesce(f.text, CASE
      WHEN a.title = '' THEN substr(a.body, f.start + 1, f."end" - f.start)
      WHEN a.body = '' THEN substr(a.title, f.start + 1, f."end" - f.start)
      WHEN f.start >= length(a.title) + 2 THEN substr(a.body, f.start - length(a.title) - 1, f."end" - f.start)
      ELSE substr(a.title || char(10) || char(10) || a.body, f.start + 1, f."end" - f.start) END) AS text,
    f.type, f.value, f.mod
  FROM fact_times f JOIN articles a ON a.n = f.article;

CREATE VIEW quantities AS
  SELECT f.article, f.start, f."end",
    coalesce(f.text, CASE
      WHEN a.title = '' THEN substr(a.body, f.start + 1, f."end" - f.start)
      WHEN a.body = '' THEN substr(a.title, f.start + 1, f."end" - f.start)
      WHEN f.start >= length(a.title) + 2 THEN substr(a.body, f.start - length(a.title) - 1, f."end" - f.start)
      ELSE substr(a.title || char(10) || char(10) || a.body, f.start + 1, f."end" - f.start) END) AS text,
    f.value, f.min, f.max, f.approx, f.kind, f.unit
  FROM fact_quantities f JOIN articles a ON a.n = f.article;

CREATE VIEW quotes AS
  SELECT f.article, f.start, f."end",
    coalesce(f.text, CASE
      WHEN a.title = '' THEN substr(a.body, f.start + 1, f."end" - f.start)
      WHEN a.body = '' THEN substr(a.title, f.start + 1, f."end" - f.start)
      WHEN f.start >= length(a.title) + 2 THEN substr(a.body, f.start - length(a.title) - 1, f."end" - f.start)
      ELSE substr(a.title || char(10) || char(10) || a.body, f.start + 1, f."end" - f.start) END) AS text,
    f.direct, f.speaker, f.speaker_text, f.speaker_norm, f.cue
  FROM fact_quotes f JOIN articles a ON a.n = f.article;

-- An article's entities: the name in the article is NULL when it is the
-- archive entity's name (nearly always); the view article_entities has
-- the version 4 columns, the name filled in.
CREATE TABLE fact_entities (
  article  INTEGER NOT NULL REFERENCES articles(n),
  local_id TEXT NOT NULL,                  -- E1, E2, … as in the extract contract
  entity   INTEGER NOT NULL REFERENCES entities(n),
  name     TEXT,                           -- name in this article; NULL: entities.name
  role     TEXT NOT NULL DEFAULT '',
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article, local_id)
) WITHOUT ROWID;
INSERT INTO fact_entities(article, local_id, entity, name, role, mentions)
  SELECT f.article, f.local_id, f.entity, nullif(f.name, e.name), f.role, f.mentions
  FROM article_entities f JOIN entities e ON e.n = f.entity;
DROP TABLE article_entities;
CREATE INDEX fact_entities_entity ON fact_entities(entity, article);
CREATE VIEW article_entities AS
  SELECT f.article, f.local_id, f.entity, coalesce(f.name, e.name) AS name, f.role, f.mentions
  FROM fact_entities f JOIN entities e ON e.n = f.entity;

-- Entities are found by any part of the normalized name (LIKE '%…%'),
-- which no index on norm serves: the filter scans article_entities by
-- entity and looks each entity up by number.
DROP INDEX entities_norm;
