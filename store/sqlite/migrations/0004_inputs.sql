-- Marsad archive, schema version 4: a smaller record of readings.
--
-- Version 3 kept, per reading, the whole origin string (a path or URL and
-- a line number), the same long path repeated for every article of a
-- file. Inputs are now named once, in the inputs table; a reading keeps
-- the input's number and its place in it ("at": ":120" for line or
-- record 120, '' when the input is the article), so that the origin is
-- inputs.name || readings.at. The view sightings gives the version 3
-- columns back.

CREATE TABLE inputs (
  n    INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE                -- file path, archive member or URL
);

-- Every time an article was read: the first reading and every duplicate.
CREATE TABLE readings (
  article INTEGER NOT NULL REFERENCES articles(n),
  input   INTEGER NOT NULL REFERENCES inputs(n),
  at      TEXT NOT NULL DEFAULT '',        -- place in the input (":120"); origin = inputs.name || at
  ext_id  TEXT NOT NULL DEFAULT '',
  url     TEXT NOT NULL DEFAULT '',        -- duplicates: the URL as read ('' for the first reading)
  reason  TEXT NOT NULL,                   -- first | url | content
  PRIMARY KEY (article, input, at, ext_id)
) WITHOUT ROWID;

-- An origin splits at a final ":digits" (see splitOrigin in put.go):
-- rtrim drops the trailing digits; when what is left ends with ':' the
-- digits and that colon are the place, else the whole origin is the input.
CREATE TEMP TABLE split AS
  SELECT article, origin, ext_id, url, reason,
    CASE WHEN length(p) < length(origin) AND substr(p, -1) = ':'
         THEN substr(origin, 1, length(p) - 1) ELSE origin END AS name,
    CASE WHEN length(p) < length(origin) AND substr(p, -1) = ':'
         THEN substr(origin, length(p)) ELSE '' END AS at
  FROM (SELECT *, rtrim(origin, '0123456789') AS p FROM sightings);

INSERT INTO inputs(name) SELECT DISTINCT name FROM split ORDER BY name;
INSERT INTO readings(article, input, at, ext_id, url, reason)
  SELECT s.article, i.n, s.at, s.ext_id, s.url, s.reason
  FROM split s JOIN inputs i ON i.name = s.name;
DROP TABLE split;
DROP TABLE sightings;

-- The version 3 table, as a view.
CREATE VIEW sightings AS
  SELECT r.article, i.name || r.at AS origin, r.ext_id, r.url, r.reason
  FROM readings r JOIN inputs i ON i.n = r.input;

-- Quotes are found by any part of the speaker's name (LIKE '%…%'), which
-- no index on speaker_norm serves.
DROP INDEX quotes_speaker;
