-- The catalogue: everything the site shows, computed at build time from content/.
-- Written once by `jobzone build`, then only ever opened read-only.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The SOC major groups and the O*NET 30.1 occupations, assessed or not.
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
    position    INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX occupations_by_group ON occupations (major_group, title);

-- What every list, count and search shows of a role: narrow rows, so listing 10,000 roles
-- never reads the page details below.
CREATE TABLE role_cards (
    slug            TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    seniority       TEXT NOT NULL,
    seniority_rank  INTEGER NOT NULL,
    experience      TEXT NOT NULL,
    category        TEXT NOT NULL,
    occupation      TEXT NOT NULL REFERENCES occupations (code),
    task_resistance REAL NOT NULL,
    score           REAL NOT NULL,
    zone            TEXT NOT NULL,      -- after any assessor override
    sub_label       TEXT,
    displaced       INTEGER NOT NULL,
    augmented       INTEGER NOT NULL,
    not_involved    INTEGER NOT NULL,
    updated         TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX role_cards_by_score ON role_cards (score, slug);
CREATE INDEX role_cards_by_title ON role_cards (title, seniority_rank, slug);
CREATE INDEX role_cards_by_updated ON role_cards (updated, slug);
CREATE INDEX role_cards_by_occupation ON role_cards (occupation);

-- Everything else the role page shows.
CREATE TABLE roles (
    slug                  TEXT PRIMARY KEY REFERENCES role_cards (slug),
    live_tracked          INTEGER NOT NULL,
    verdict_html          TEXT NOT NULL,
    primary_function      TEXT NOT NULL,
    not_this_role         TEXT NOT NULL,
    typical_experience    TEXT NOT NULL,
    seniority_note_html   TEXT,
    growth_rationale      TEXT NOT NULL,
    growth_check_html     TEXT NOT NULL,
    quick_screen_note_html TEXT,
    reinstatement_html    TEXT NOT NULL,
    override_zone         TEXT,
    override_reason       TEXT,
    outlook_horizon       INTEGER NOT NULL,
    outlook_future_html   TEXT NOT NULL,
    outlook_timeline_html TEXT NOT NULL,
    raw                   REAL NOT NULL,
    formula_zone          TEXT NOT NULL,
    -- The whole scorecard, every derived figure, as the engine returned it.
    scorecard_json        TEXT NOT NULL,
    published             TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE aliases (
    slug     TEXT NOT NULL REFERENCES role_cards (slug),
    position INTEGER NOT NULL,
    alias    TEXT NOT NULL,
    PRIMARY KEY (slug, position)
) WITHOUT ROWID;

CREATE TABLE old_slugs (
    old_slug TEXT PRIMARY KEY,
    slug     TEXT NOT NULL REFERENCES role_cards (slug)
) WITHOUT ROWID;

CREATE TABLE tasks (
    slug      TEXT NOT NULL REFERENCES role_cards (slug),
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    share     INTEGER NOT NULL,
    score     INTEGER NOT NULL,
    weighted  REAL NOT NULL,
    class     TEXT NOT NULL,
    rationale TEXT NOT NULL,
    PRIMARY KEY (slug, position)
) WITHOUT ROWID;

-- Protective principles, evidence dimensions and barriers: one row per scored item.
CREATE TABLE scored_items (
    slug      TEXT NOT NULL REFERENCES role_cards (slug),
    kind      TEXT NOT NULL CHECK (kind IN ('protective', 'evidence', 'barrier')),
    position  INTEGER NOT NULL,
    key       TEXT NOT NULL,
    score     INTEGER NOT NULL,
    rationale TEXT NOT NULL,
    PRIMARY KEY (slug, kind, position)
) WITHOUT ROWID;

CREATE TABLE strategy_steps (
    slug     TEXT NOT NULL REFERENCES role_cards (slug),
    position INTEGER NOT NULL,
    html     TEXT NOT NULL,
    PRIMARY KEY (slug, position)
) WITHOUT ROWID;

CREATE TABLE commentary (
    slug     TEXT NOT NULL REFERENCES role_cards (slug),
    position INTEGER NOT NULL,
    title    TEXT NOT NULL,
    anchor   TEXT NOT NULL,
    html     TEXT NOT NULL,
    PRIMARY KEY (slug, position)
) WITHOUT ROWID;

CREATE TABLE transitions (
    slug     TEXT NOT NULL REFERENCES role_cards (slug),
    position INTEGER NOT NULL,
    target   TEXT NOT NULL REFERENCES role_cards (slug),
    why      TEXT NOT NULL,
    PRIMARY KEY (slug, position)
) WITHOUT ROWID;

CREATE TABLE seniority_links (
    slug     TEXT NOT NULL REFERENCES role_cards (slug),
    position INTEGER NOT NULL,
    target   TEXT NOT NULL REFERENCES role_cards (slug),
    PRIMARY KEY (slug, position)
) WITHOUT ROWID;

CREATE TABLE sources (
    slug      TEXT NOT NULL REFERENCES role_cards (slug),
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    url       TEXT NOT NULL,
    publisher TEXT,
    PRIMARY KEY (slug, position)
) WITHOUT ROWID;

CREATE TABLE revisions (
    slug     TEXT NOT NULL REFERENCES role_cards (slug),
    position INTEGER NOT NULL,
    date     TEXT NOT NULL,
    note     TEXT NOT NULL,
    PRIMARY KEY (slug, position)
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
