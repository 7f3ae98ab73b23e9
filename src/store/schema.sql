-- The tables of an Annals store (layout 2: `PRAGMA user_version`). Every statement can run again
-- on an existing store. Offsets (start, end) count Unicode characters of the document's body.

CREATE TABLE IF NOT EXISTS documents (
    n                  INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,   -- BLAKE3 of the input bytes, 16 hex digits
    path               TEXT NOT NULL,
    title              TEXT,
    outlet             TEXT,
    site               TEXT,
    url                TEXT,
    language           TEXT,
    published          TEXT,
    published_earliest TEXT,
    published_latest   TEXT,
    published_basis    TEXT,                   -- stated | inferred
    body               TEXT NOT NULL,
    document           BLOB NOT NULL,          -- the whole document as `annals extract` prints it,
                                               -- JSON compressed with LZ4 (a block after its
                                               -- length, 4 bytes little-endian)
    ingested           TEXT NOT NULL
);

-- Input lines kept out of the body, and why.
CREATE TABLE IF NOT EXISTS removed (
    doc    INTEGER NOT NULL REFERENCES documents(n),
    line   INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    reason TEXT NOT NULL,
    text   TEXT NOT NULL,
    PRIMARY KEY (doc, line)
) WITHOUT ROWID;

-- Parts of a document are stored in its order (`nth`) and found by it without an index of
-- their own.
CREATE TABLE IF NOT EXISTS timexes (
    doc      INTEGER NOT NULL REFERENCES documents(n),
    nth      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    type     TEXT NOT NULL,
    value    TEXT NOT NULL,
    earliest TEXT,
    latest   TEXT,
    rule     TEXT NOT NULL,
    PRIMARY KEY (doc, nth)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mentions (
    doc     INTEGER NOT NULL REFERENCES documents(n),
    nth     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    code    TEXT NOT NULL,
    country TEXT,
    org     TEXT,
    role    TEXT,
    name    TEXT,
    place   INTEGER NOT NULL,
    rule    TEXT NOT NULL,
    PRIMARY KEY (doc, nth)
) WITHOUT ROWID;

-- Events as each document reports them: the table `events` (a row number `n`, the document
-- `doc`, then one column per field of a report) is made from src/store/columns.rs, where each
-- column is defined once, before these statements run.
CREATE INDEX IF NOT EXISTS events_doc ON events(doc);
-- Merging reads the reports of a key in order of days from this index alone.
CREATE INDEX IF NOT EXISTS events_key ON events(
    merge_key, earliest, latest, doc, cameo, historical, source_side, target_side
);

-- One row per real-world event, over all documents. Reports are of one event when they share
-- `merge_key` (the two states, the CAMEO root, whether planned, hypothetical, negated:
-- `RUS|JPN|19|000`) and their days overlap. An ingest rebuilds the merged events of every key it added reports to.
CREATE TABLE IF NOT EXISTS merged (
    n            INTEGER PRIMARY KEY,
    merge_key    TEXT NOT NULL,
    source_side  TEXT,
    target_side  TEXT,
    cameo        TEXT NOT NULL,               -- the code most of its reports give
    root         TEXT NOT NULL,
    name         TEXT NOT NULL,
    goldstein    REAL NOT NULL,
    quad_class   INTEGER NOT NULL,
    earliest     TEXT NOT NULL,               -- the days every report allows
    latest       TEXT NOT NULL,
    historical   INTEGER NOT NULL,
    planned      INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    negated      INTEGER NOT NULL,
    events       INTEGER NOT NULL,
    documents    INTEGER NOT NULL,
    overlaps     INTEGER NOT NULL             -- days overlap another merged event of its key
);
CREATE INDEX IF NOT EXISTS merged_key ON merged(merge_key);
CREATE TABLE IF NOT EXISTS merged_events (
    merged INTEGER NOT NULL REFERENCES merged(n),
    event  INTEGER NOT NULL REFERENCES events(n),
    PRIMARY KEY (merged, event)
) WITHOUT ROWID;

-- Keys with reports added since their merged events were last built. Written in the transaction
-- that adds the reports, removed in the one that rebuilds the key: an ingest killed before it
-- merged leaves them here, and the next one merges them.
CREATE TABLE IF NOT EXISTS pending (
    merge_key TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Inputs that could not be read, by path (removed when the path is later ingested).
CREATE TABLE IF NOT EXISTS errors (
    path    TEXT PRIMARY KEY,
    message TEXT NOT NULL,
    at      TEXT NOT NULL
);

-- Full-text index of titles and bodies; the text stays in `documents`.
CREATE VIRTUAL TABLE IF NOT EXISTS bodies USING fts5(
    title, body, content='documents', content_rowid='n'
);
