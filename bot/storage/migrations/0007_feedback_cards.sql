-- 0007: every card the bot posted about an answer (the scorecard and each follow-up card),
-- so that a reply to any of them reaches the right answer, and deleting the answer can
-- remove them all. answers.feedback_message_id stays the first scorecard.

CREATE TABLE feedback_cards (
    message_id INTEGER PRIMARY KEY,
    answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE
);
CREATE INDEX feedback_cards_answer ON feedback_cards (answer_id);

INSERT INTO feedback_cards (message_id, answer_id)
SELECT feedback_message_id, id FROM answers WHERE feedback_message_id IS NOT NULL;
