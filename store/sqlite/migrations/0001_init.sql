-- Marsad archive, schema version 1. See SCHEMA.md for every table.

CREATE TABLE articles (
  n         INTEGER PRIMARY KEY,           -- internal row number (FTS rowid)
  id        TEXT NOT NULL UNIQUE,          -- content hash (16 hex digits): the archive id
  ext_id    TEXT NOT NULL DEFAULT '',      -- the source's own id
  published TEXT,                          -- RFC 3339 UTC, NULL when unknown
  day       TEXT,                          -- YYYY-MM-DD of published, NULL when unknown
  source    TEXT NOT NULL DEFAULT '',
  story     INTEGER NOT NULL,              -- n of the first article of its story
  distance  INTEGER NOT NULL DEFAULT 0,    -- SimHash distance to that article
  simhash   INTEGER NOT NULL DEFAULT 0,    -- 64-bit SimHash of the body (signed)
  shingles  INTEGER NOT NULL DEFAULT 0,
  lang      TEXT NOT NULL DEFAULT '',
  url_key   INTEGER UNIQUE,                -- 64-bit hash of url (a small unique index)
  url       TEXT,                          -- canonical URL, NULL when unknown
  author    TEXT NOT NULL DEFAULT '',
  ingested  TEXT NOT NULL,                 -- RFC 3339 UTC
  -- The text comes last so that reading the columns above never walks
  -- through a long body.
  title     TEXT NOT NULL,
  body      TEXT NOT NULL                  -- see the article_text view for the text
);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_source ON articles(source, day);
CREATE INDEX articles_story ON articles(story);

-- Every time an article was read: the first reading and every duplicate.
CREATE TABLE sightings (
  article INTEGER NOT NULL REFERENCES articles(n),
  origin  TEXT NOT NULL,                   -- file:line, path or URL it was read from
  ext_id  TEXT NOT NULL DEFAULT '',
  url     TEXT NOT NULL DEFAULT '',        -- duplicates: the URL as read ('' for the first reading)
  reason  TEXT NOT NULL,                   -- first | url | content
  PRIMARY KEY (article, origin, ext_id)
) WITHOUT ROWID;

CREATE TABLE entities (
  n     INTEGER PRIMARY KEY,
  key   TEXT NOT NULL UNIQUE,              -- archive-wide identity: normalized name + type
  type  TEXT NOT NULL,                     -- PER ORG LOC MISC
  name  TEXT NOT NULL,
  latin TEXT NOT NULL DEFAULT '',
  norm  TEXT NOT NULL                      -- search-normalized, variant-folded name
);
CREATE INDEX entities_norm ON entities(norm);

CREATE TABLE article_entities (
  article  INTEGER NOT NULL REFERENCES articles(n),
  local_id TEXT NOT NULL,                  -- E1, E2, … as in the extract contract
  entity   INTEGER NOT NULL REFERENCES entities(n),
  name     TEXT NOT NULL,                  -- name in this article
  role     TEXT NOT NULL DEFAULT '',
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article, local_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity, article);

-- Offsets in every fact table count Unicode code points in the article
-- text (article_text.text: title, two newlines, body), end exclusive, as
-- in the extract contract: substr(text, start + 1, end - start) is the span.
CREATE TABLE mentions (
  article  INTEGER NOT NULL REFERENCES articles(n),
  local_id TEXT NOT NULL,
  start    INTEGER NOT NULL,
  "end"    INTEGER NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (article, start, local_id)
) WITHOUT ROWID;

CREATE TABLE times (
  article INTEGER NOT NULL REFERENCES articles(n),
  start   INTEGER NOT NULL,
  "end"   INTEGER NOT NULL,
  text    TEXT NOT NULL,
  type    TEXT NOT NULL,
  value   TEXT,
  mod     TEXT,
  PRIMARY KEY (article, start, "end")
) WITHOUT ROWID;

CREATE TABLE quantities (
  article INTEGER NOT NULL REFERENCES articles(n),
  start   INTEGER NOT NULL,
  "end"   INTEGER NOT NULL,
  text    TEXT NOT NULL,
  value   REAL,
  min     REAL,
  max     REAL,
  approx  INTEGER NOT NULL,
  kind    TEXT NOT NULL DEFAULT '',
  unit    TEXT,
  PRIMARY KEY (article, start, "end")
) WITHOUT ROWID;

CREATE TABLE quotes (
  article      INTEGER NOT NULL REFERENCES articles(n),
  start        INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  text         TEXT NOT NULL,
  direct       INTEGER NOT NULL,
  speaker      TEXT,                       -- local entity id (article_entities.local_id)
  speaker_text TEXT,
  speaker_norm TEXT NOT NULL DEFAULT '',   -- search-normalized speaker name
  cue          TEXT,
  PRIMARY KEY (article, start, "end")
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker_norm);

CREATE TABLE events (
  article       INTEGER NOT NULL REFERENCES articles(n),
  seq           INTEGER NOT NULL,          -- order in the article
  type          TEXT NOT NULL,             -- PLOVER type
  cameo         TEXT,
  actor         TEXT,
  actor_text    TEXT,
  target        TEXT,
  target_text   TEXT,
  location      TEXT,
  date          TEXT,
  trigger_start INTEGER NOT NULL,
  trigger_end   INTEGER NOT NULL,
  trigger_text  TEXT NOT NULL,
  sentence      INTEGER NOT NULL,
  PRIMARY KEY (article, seq)
) WITHOUT ROWID;

-- Full-text index over analyzed terms (package store's Analyze: normalized,
-- variant-folded, stemmed), one row per article, rowid = articles.n. The
-- table is contentless: the terms are indexed, not stored again. Terms are
-- letters and digits separated by single spaces, so the plain 'ascii'
-- tokenizer (every non-ASCII byte is a token character) splits them
-- exactly, and fast.
CREATE VIRTUAL TABLE fts USING fts5(
  title, body,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);

-- Article text as one column, for users' SQL.
CREATE VIEW article_text AS
  SELECT n, id,
    CASE WHEN title = '' THEN body WHEN body = '' THEN title
         ELSE title || char(10) || char(10) || body END AS text
  FROM articles;

-- Near-duplicate groups with more than one article.
CREATE VIEW stories AS
  SELECT story, count(*) AS articles, min(day) AS first_day, max(day) AS last_day
  FROM articles GROUP BY story HAVING count(*) > 1;
