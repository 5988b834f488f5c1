-- An archive as schema version 2 wrote it: three articles, read from
-- inputs of every shape, with duplicate readings.
INSERT INTO meta(key, value) VALUES ('analysis', 'v2-test');
INSERT INTO articles(n, id, ext_id, published, day, source, story, distance, simhash, shingles, lang, url_key, url, ingested, title, body) VALUES
  (1, '00000000000000a1', 'a1', '2021-07-26T00:00:00Z', '2021-07-26', 'صحيفة المثال', 1, 0, 12345, 40, 'ar', 111, 'https://news.example.com/iraq/us-troops', '2024-01-01T00:00:00Z',
   'واشنطن تعلن خفض قواتها في العراق', 'أعلن الرئيس الأمريكي جو بايدن أن المهمة القتالية في العراق تنتهي.'),
  (2, '00000000000000a2', 'a2', '2021-07-27T00:00:00Z', '2021-07-27', 'وكالة الأنباء', 1, 3, 12347, 40, 'ar', 222, 'https://agency.example.com/2', '2024-01-01T00:00:00Z',
   'بغداد ترحب بالقرار', 'رحبت الحكومة العراقية بقرار إنهاء المهمة القتالية في العراق.'),
  (3, '00000000000000a3', '', NULL, NULL, '', 3, 0, 0, 2, 'en', NULL, NULL, '2024-01-02T00:00:00Z',
   'Oil prices rise', 'Oil prices rose on Thursday.');
INSERT INTO fts(rowid, title, body, facets) VALUES
  (1, 'واشنطن تعلن خفض قوات عراق', 'اعلن رييس امريكي جو بايدن مهمه قتال عراق تنتهي', 's1 d20210726 m202107 y2021'),
  (2, 'بغداد ترحب قرار', 'رحبت حكومه عراق قرار انهاء مهمه قتال عراق', 's2 d20210727 m202107 y2021'),
  (3, 'oil prices rise', 'oil prices rose thursday', 's3');
-- origin	then	the input and place migration 0004 must split it into
INSERT INTO sightings(article, origin, ext_id, url, reason) VALUES
  (1, '/data/corpora/articles.jsonl.gz:1', 'a1', '', 'first'),
  (1, '/data/corpora/articles.jsonl.gz:120', 'a1', 'http://news.example.com/iraq/us-troops?utm_source=x', 'url'),
  (1, '/data/corpora/articles.jsonl.gz:0', 'a1b', '', 'content'),
  (2, 'https://agency.example.com:8080/feed', 'a2', '', 'first'),
  (2, 'archive.tar.gz/2021/07/a2.txt', '', '', 'content'),
  (2, 'trec/la0101:007', 'LA0101-7', '', 'content'),
  (3, '12345', '', '', 'first'),
  (3, 'odd:', '', '', 'content'),
  (3, ':9', '', '', 'content');
