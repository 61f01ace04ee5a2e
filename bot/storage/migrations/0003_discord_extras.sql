-- 0003: what the Discord side needs on top: the last daily-post failure per guild, the
-- bot's feedback message per answer (replies to it are follow-ups), peer comments, and
-- guild custom questions.

ALTER TABLE guild_settings ADD COLUMN last_failure TEXT;
ALTER TABLE guild_settings ADD COLUMN last_failure_at TEXT;

ALTER TABLE answers ADD COLUMN feedback_message_id INTEGER;
CREATE UNIQUE INDEX answers_feedback_message ON answers (feedback_message_id);

CREATE TABLE peer_comments (
    id         INTEGER PRIMARY KEY,
    answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL,
    message_id INTEGER UNIQUE,
    created_at TEXT    NOT NULL,
    edited_at  TEXT,
    text       TEXT    NOT NULL
);
CREATE INDEX peer_comments_answer ON peer_comments (answer_id);
CREATE INDEX peer_comments_author ON peer_comments (author_id);

-- question id seen by the rest of the program: 'custom-' || id (never reused)
CREATE TABLE guild_questions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id      INTEGER NOT NULL,
    text          TEXT    NOT NULL CHECK (length(text) > 0),
    principle_ids TEXT    NOT NULL DEFAULT '[]'
                  CHECK (json_valid(principle_ids) AND json_type(principle_ids) = 'array'),
    added_by      INTEGER,              -- NULL once the author asked to be forgotten
    created_at    TEXT    NOT NULL
);
CREATE INDEX guild_questions_guild ON guild_questions (guild_id, id);
CREATE INDEX guild_questions_added_by ON guild_questions (added_by);
