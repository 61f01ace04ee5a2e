-- 0001: the core: guild settings, daily posts, answers, follow-ups, peer reviews,
-- terminal users. Times are UTC ISO-8601 text (fixed width, so they sort);
-- local dates are YYYY-MM-DD in the guild's (or user's) time zone.

CREATE TABLE guild_settings (
    guild_id     INTEGER PRIMARY KEY,
    channel_id   INTEGER,
    post_time    TEXT    NOT NULL DEFAULT '09:00'
                 CHECK (post_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    timezone     TEXT    NOT NULL DEFAULT 'UTC',
    -- bit 0 = Monday ... bit 6 = Sunday
    days         INTEGER NOT NULL DEFAULT 127 CHECK (days BETWEEN 0 AND 127),
    paused       INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
    ping_role_id INTEGER,
    updated_at   TEXT    NOT NULL
);

CREATE TABLE daily_posts (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    local_date  TEXT    NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    question_id TEXT    NOT NULL,
    channel_id  INTEGER NOT NULL,
    message_id  INTEGER UNIQUE,
    thread_id   INTEGER UNIQUE,
    created_at  TEXT    NOT NULL,
    -- at most one daily post per guild per local date: the claim that prevents double posts
    UNIQUE (guild_id, local_date)
);

CREATE TABLE answers (
    id            INTEGER PRIMARY KEY,
    guild_id      INTEGER,              -- NULL: answered in the terminal or a DM
    user_id       INTEGER NOT NULL,     -- Discord snowflake; negative for terminal users
    question_id   TEXT,
    source        TEXT    NOT NULL CHECK (source IN ('daily', 'drill', 'mock', 'terminal')),
    -- JSON array of principle ids this answer counts for, in order
    principle_ids TEXT    NOT NULL DEFAULT '[]'
                  CHECK (json_valid(principle_ids) AND json_type(principle_ids) = 'array'),
    score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    star_complete INTEGER NOT NULL CHECK (star_complete IN (0, 1)),
    message_id    INTEGER UNIQUE,       -- NULL allowed many times; a re-delivered event hits this
    channel_id    INTEGER,
    local_date    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    edited_at     TEXT,
    -- peer reviews of this answer: how many, and the sum of all their S/T/A/R ratings
    -- (kept by the reviews_* triggers below)
    review_count  INTEGER NOT NULL DEFAULT 0,
    review_total  INTEGER NOT NULL DEFAULT 0,
    -- big columns last so that reading the small ones never touches overflow pages
    text          TEXT    NOT NULL,
    analysis_json TEXT    NOT NULL
);
-- covering index: a user's coverage and history are read from here alone, never from
-- the (large) answer rows
CREATE INDEX answers_user_created ON answers (
    user_id, created_at, guild_id, question_id, source, principle_ids, score, star_complete,
    local_date, review_count, review_total
);
-- daily answers by guild and date, and by user (streaks, leaderboard); `source` is in
-- them so that they cover the queries (a partial index alone does not)
CREATE INDEX answers_daily_guild_date ON answers (guild_id, local_date, user_id, source)
    WHERE source = 'daily';
CREATE INDEX answers_daily_user ON answers (user_id, guild_id, local_date, source)
    WHERE source = 'daily';

CREATE TABLE follow_ups (
    id            INTEGER PRIMARY KEY,
    answer_id     INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    probe         TEXT    NOT NULL,
    score         INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    message_id    INTEGER UNIQUE,
    created_at    TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    analysis_json TEXT    NOT NULL
);
CREATE INDEX follow_ups_answer ON follow_ups (answer_id);

CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    answer_id   INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL,
    situation   INTEGER NOT NULL CHECK (situation BETWEEN 1 AND 5),
    task        INTEGER NOT NULL CHECK (task BETWEEN 1 AND 5),
    action      INTEGER NOT NULL CHECK (action BETWEEN 1 AND 5),
    result      INTEGER NOT NULL CHECK (result BETWEEN 1 AND 5),
    comment     TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    -- one review per reviewer per answer; a second submission edits the first
    UNIQUE (answer_id, reviewer_id)
);
CREATE INDEX reviews_reviewer ON reviews (reviewer_id);

CREATE TRIGGER reviews_insert_totals AFTER INSERT ON reviews
BEGIN
    UPDATE answers
       SET review_count = review_count + 1,
           review_total = review_total + NEW.situation + NEW.task + NEW.action + NEW.result
     WHERE id = NEW.answer_id;
END;

CREATE TRIGGER reviews_update_totals
AFTER UPDATE OF answer_id, situation, task, action, result ON reviews
BEGIN
    UPDATE answers
       SET review_count = review_count - 1,
           review_total = review_total - OLD.situation - OLD.task - OLD.action - OLD.result
     WHERE id = OLD.answer_id;
    UPDATE answers
       SET review_count = review_count + 1,
           review_total = review_total + NEW.situation + NEW.task + NEW.action + NEW.result
     WHERE id = NEW.answer_id;
END;

CREATE TRIGGER reviews_delete_totals AFTER DELETE ON reviews
BEGIN
    UPDATE answers
       SET review_count = review_count - 1,
           review_total = review_total - OLD.situation - OLD.task - OLD.action - OLD.result
     WHERE id = OLD.answer_id;
END;

-- terminal users: the user id is minus this table's id, so it never collides with a
-- Discord snowflake; AUTOINCREMENT so a deleted user's id is never handed out again
CREATE TABLE local_users (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT    NOT NULL
);
