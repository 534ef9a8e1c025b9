-- One row per address and followed item. Tokens are kept only as SHA-256 hashes.
CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('role', 'occupation')),
    target TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed')),
    confirm_hash BLOB,
    unsubscribe_hash BLOB,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    UNIQUE (email, kind, target)
);
CREATE INDEX subscriptions_by_target ON subscriptions (kind, target, state);

-- Confirmation emails sent in the last hour, keyed by a keyed hash of the address or client IP.
CREATE TABLE sends (
    key BLOB NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX sends_by_key ON sends (key, at);

-- What followers of an item were last told (or saw when they subscribed).
CREATE TABLE notices (
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT NOT NULL,
    score REAL NOT NULL,
    zone TEXT NOT NULL,
    zone_name TEXT NOT NULL,
    revision_date TEXT NOT NULL,
    revision_note TEXT NOT NULL,
    noted_at INTEGER NOT NULL,
    PRIMARY KEY (kind, target)
);

-- Each detected change of a followed item, from what was last told to what the catalogue says.
CREATE TABLE changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    old_title TEXT NOT NULL, old_url TEXT NOT NULL, old_score REAL NOT NULL, old_zone TEXT NOT NULL,
    old_zone_name TEXT NOT NULL, old_revision_date TEXT NOT NULL, old_revision_note TEXT NOT NULL,
    new_title TEXT NOT NULL, new_url TEXT NOT NULL, new_score REAL NOT NULL, new_zone TEXT NOT NULL,
    new_zone_name TEXT NOT NULL, new_revision_date TEXT NOT NULL, new_revision_note TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- One update email per follower per change: queued -> sending (claimed, committed before the
-- SMTP transaction) -> sent; back to queued with a later next_attempt_at while SMTP is down;
-- a claim whose run died becomes in_doubt and is never sent again.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id INTEGER NOT NULL REFERENCES changes (id),
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'in_doubt', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_at INTEGER,
    sent_at INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (change_id, subscription_id)
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
