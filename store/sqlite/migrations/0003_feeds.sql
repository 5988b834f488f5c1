-- Marsad archive, schema version 3: HTTP validators of the feeds read
-- from URLs, so that reading a feed again makes a conditional GET
-- (If-None-Match / If-Modified-Since) and an unchanged feed costs nothing.
CREATE TABLE feeds (
  url           TEXT PRIMARY KEY,          -- the feed URL as given to ingest
  etag          TEXT NOT NULL DEFAULT '',  -- ETag header of the last 200 response
  last_modified TEXT NOT NULL DEFAULT '',  -- Last-Modified header of that response
  checked       TEXT NOT NULL              -- RFC 3339 UTC time the validators were stored
) WITHOUT ROWID;
