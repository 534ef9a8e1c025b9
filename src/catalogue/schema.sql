-- The catalogue: everything the site shows, computed at build time from content/.
-- Written once by `jobzone build`, then only ever opened read-only.

-- meta keys: version, schema, methodology_version, methodology_json, methodology_source,
-- synonyms_json, agreement_json (how the data-derived scores agree with independent research).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The SOC major groups and all O*NET 30.1 occupations, scored or not.
CREATE TABLE major_groups (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE occupations (
    code        TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    major_group TEXT NOT NULL REFERENCES major_groups (code),
    position    INTEGER NOT NULL,
    -- Why an occupation has no data-derived score (no O*NET tasks), or NULL when it has one.
    unscored_reason TEXT
) WITHOUT ROWID;

CREATE INDEX occupations_by_group ON occupations (major_group, title);

-- One row per assessment (editor role or data-derived occupation): what every list, count,
-- search and link shows, in narrow columns, so listing thousands never reads the details.
CREATE TABLE cards (
    kind            TEXT NOT NULL CHECK (kind IN ('role', 'occupation')),
    id              TEXT NOT NULL,      -- a role's slug or an occupation's O*NET-SOC code
    provenance      TEXT NOT NULL CHECK (provenance IN ('editor', 'data')),
    title           TEXT NOT NULL,
    seniority       TEXT,
    seniority_rank  INTEGER NOT NULL,
    experience      TEXT,
    category        TEXT NOT NULL,
    occupation      TEXT NOT NULL REFERENCES occupations (code),
    major_group     TEXT NOT NULL,
    job_zone        INTEGER,
    task_resistance REAL NOT NULL,
    score           REAL NOT NULL,
    zone            TEXT NOT NULL,      -- after any assessor override
    sub_label       TEXT,
    displaced       REAL NOT NULL,
    augmented       REAL NOT NULL,
    not_involved    REAL NOT NULL,
    updated         TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE INDEX cards_by_score ON cards (score, title, id);
CREATE INDEX cards_by_title ON cards (title, seniority_rank, id);
CREATE INDEX cards_by_updated ON cards (updated, id);
CREATE INDEX cards_by_occupation ON cards (occupation);

-- The whole assessment (crate::assessment::Assessment), serialised: what its page shows.
CREATE TABLE details (
    kind   TEXT NOT NULL,
    id     TEXT NOT NULL,
    json   TEXT NOT NULL,
    PRIMARY KEY (kind, id),
    FOREIGN KEY (kind, id) REFERENCES cards (kind, id)
) WITHOUT ROWID;

-- The score history (content/history.tsv): one row per change of an assessment's score, zone or
-- methodology version, in file order (`position`), under the assessment's current key.
CREATE TABLE history (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    date        TEXT NOT NULL,
    score       REAL NOT NULL,
    zone        TEXT NOT NULL,
    methodology TEXT NOT NULL,
    data        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (kind, id, position),
    FOREIGN KEY (kind, id) REFERENCES cards (kind, id)
) WITHOUT ROWID;

-- What the data sets say of every occupation, scored or not (employment, pay, outlook,
-- related occupations): crate::assessment::DataFacts, serialised.
CREATE TABLE occupation_facts (
    code TEXT PRIMARY KEY REFERENCES occupations (code),
    json TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE aliases (
    kind     TEXT NOT NULL,
    id       TEXT NOT NULL,
    position INTEGER NOT NULL,
    alias    TEXT NOT NULL,
    PRIMARY KEY (kind, id, position)
) WITHOUT ROWID;

CREATE TABLE old_slugs (
    old_slug TEXT PRIMARY KEY,
    slug     TEXT NOT NULL
) WITHOUT ROWID;

-- Search: every O*NET lay title (alternate, short, reported) and each occupation's employment,
-- read once into the in-memory index when the catalogue opens (src/catalogue/search_index.rs).
CREATE TABLE lay_titles (
    code     TEXT NOT NULL REFERENCES occupations (code),
    position INTEGER NOT NULL,
    title    TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('alternate', 'short', 'reported')),
    sources  INTEGER NOT NULL,
    PRIMARY KEY (code, position)
) WITHOUT ROWID;

-- OEWS May 2025 employment of each occupation's SOC code (or its broad group), where published,
-- and the occupation's share of it as search's popularity prior (see write_search.rs).
CREATE TABLE occupation_employment (
    code       TEXT PRIMARY KEY REFERENCES occupations (code),
    oews_code  TEXT NOT NULL,
    employment INTEGER NOT NULL,
    prior      INTEGER NOT NULL
) WITHOUT ROWID;

-- Search by what the work is ("I fix cars"), queried only when no title matches a query in full
-- (see write_work_text.rs, work_text.rs and src/search/describe.rs). Both full-text tables use
-- the porter stemmer. occupation_text: one document per occupation (its titles, description,
-- tasks, activities), which ranks occupations. work_text: each of those texts on its own row
-- (one per occupation for a shared activity), which gives the reason a result matched. Its rows
-- are written occupation by occupation: each one's titles, then tasks, activities and
-- description. work_occupations says, for each occupation, which document is its own (id is the
-- document's rowid) and where each kind of its texts starts among work_text's rows; search
-- reads it when the catalogue opens, so no query reads a code or a kind from the full-text
-- tables, and the texts of a few occupations can be ranked alone.
CREATE TABLE work_occupations (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE REFERENCES occupations (code),
    titles      INTEGER NOT NULL,
    tasks       INTEGER NOT NULL,
    activities  INTEGER NOT NULL,
    description INTEGER NOT NULL,
    end_row     INTEGER NOT NULL
);

CREATE VIRTUAL TABLE occupation_text USING fts5 (
    titles,
    description,
    tasks,
    activities,
    tokenize = 'porter unicode61'
);

CREATE VIRTUAL TABLE work_text USING fts5 (
    text,
    tokenize = 'porter unicode61'
);

-- Observed AI use over time (src/derive/usage.rs): the Anthropic Economic Index releases we
-- compare (Claude.ai conversations only), oldest first, each with what it saw of the whole
-- economy. Percentages are exact; pages round them.
CREATE TABLE usage_releases (
    release       TEXT PRIMARY KEY,     -- '2025-02'
    position      INTEGER NOT NULL,
    label         TEXT NOT NULL,        -- 'February 2025'
    tasks_listed  INTEGER NOT NULL,
    tasks_matched INTEGER NOT NULL,     -- listed texts that match an O*NET 30.1 task statement
    matched_share REAL NOT NULL,        -- percent of conversations on those
    automated     REAL,                 -- percent of classified conversations
    augmented     REAL
) WITHOUT ROWID;

-- Each release's view of each occupation with task statements.
CREATE TABLE occupation_usage (
    code          TEXT NOT NULL REFERENCES occupations (code),
    release       TEXT NOT NULL REFERENCES usage_releases (release),
    share         REAL NOT NULL,        -- percent of the release's conversations on its tasks
    matched_time  REAL NOT NULL,        -- percent of its weighted task time the release lists
    matched_tasks INTEGER NOT NULL,
    tasks         INTEGER NOT NULL,
    automated     REAL,                 -- NULL: no split per task in the release, or none classified
    augmented     REAL,
    PRIMARY KEY (code, release)
) WITHOUT ROWID;

-- Each release's view of each of an occupation's task statements it lists.
CREATE TABLE task_usage (
    code      TEXT NOT NULL REFERENCES occupations (code),
    task_id   INTEGER NOT NULL,
    position  INTEGER NOT NULL,         -- the task's place in the occupation's list
    task      TEXT NOT NULL,
    release   TEXT NOT NULL REFERENCES usage_releases (release),
    share     REAL NOT NULL,
    automated REAL,
    augmented REAL,
    PRIMARY KEY (code, task_id, release)
) WITHOUT ROWID;
