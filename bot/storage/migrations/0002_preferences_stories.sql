-- 0002: per-user preferences and the personal story bank.

CREATE TABLE user_preferences (
    user_id       INTEGER PRIMARY KEY,
    feedback_mode TEXT    NOT NULL DEFAULT 'thread'
                  CHECK (feedback_mode IN ('thread', 'dm', 'off')),
    timezone      TEXT    NOT NULL DEFAULT 'UTC',
    updated_at    TEXT    NOT NULL
);

CREATE TABLE stories (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL,
    title         TEXT    NOT NULL CHECK (length(title) > 0),
    principle_ids TEXT    NOT NULL DEFAULT '[]'
                  CHECK (json_valid(principle_ids) AND json_type(principle_ids) = 'array'),
    summary       TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX stories_user ON stories (user_id, id);
