-- 0005: an answer written as several consecutive messages in a daily thread. Each message
-- is one part; answers.text is the parts joined in order. Deleting the answer deletes its
-- parts; a part's message id maps an edit or delete of that message back to its answer.

CREATE TABLE answer_parts (
    message_id INTEGER PRIMARY KEY,
    answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 0),
    created_at TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    UNIQUE (answer_id, position)
);

CREATE INDEX answers_user_channel ON answers (user_id, channel_id, created_at);
