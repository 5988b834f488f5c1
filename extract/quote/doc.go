// Package quote finds quotations in Arabic news and attributes them to
// their speakers.
//
// It reports direct quotations in "…", «…», “…”, „…“ and mismatched pairs of
// these marks, possibly spanning sentences and paragraphs, and indirect
// speech (قال إن …, أكد أن …) with Direct set to false and the reported
// clause as text. Speakers are found through reporting cues before or after
// the quotation — verbs such as قال, أعلن, أكد, أضاف, تابع in every person,
// gender and number, participles (مؤكدا, مضيفة), passives (قيل, أفيد) and
// source phrases (بحسب, وفقا لـ, نقلا عن) — and are carried to cue-only
// continuations (وتابع: "…", وأضافت "…") when gender and number agree.
// A headline of the form "الفتح: …" is a quotation of the body's speaker
// whose name holds الفتح; a quotation reported through a statement
// (قالت الوزارة في بيان …; وبحسب البيان نفسه …) belongs to the statement's
// author.
//
// Quoted words that are not quotations are kept apart: scare quotes of one
// or two words ("دور", "تدريب") and quoted names of works, operations and
// organizations (عملية "عاصفة الحزم"). A longer quoted passage that no
// reporting cue introduces is set apart too unless Options.KeepUncued is
// set: in news it is mostly a title or a name. [Extractor.Analyze] returns
// what was set apart.
//
// Quote.SpeakerText is the speaker phrase as written after the cue
// (الرئيس الأميركي جو بايدن, مسؤول عراقي رفض الكشف عن اسمه). A speaker
// that is only referred to — a continuation (وتابع), a back-reference
// (التحالف, الوزارة, البيان نفسه), a short name (الحلبي) or a headline
// prefix (الفتح) — gets the phrase of the earlier speaker it resolves to, so
// that one speaker reads the same across an article.
//
// The extractor runs after the entity recognizer: when doc.Entities is
// filled, a speaker is linked to the entity whose mention overlaps it or
// whose name it contains, and Quote.Speaker holds the entity id. Without
// entities it still fills Quote.SpeakerText.
//
// The lexicons are embedded data files under lexicon/. The development gold
// set and its format are described in testdata/gold/README.md; [Evaluate]
// scores the extractor against it.
package quote
