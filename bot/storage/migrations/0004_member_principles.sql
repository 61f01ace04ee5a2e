-- 0004: per (guild, user, principle) answer counts and per (guild, user) principles
-- covered, kept by triggers, so the guild leaderboard ("principles covered") never scans
-- every answer. guild_key 0 = no guild (terminal and DM answers).

CREATE TABLE member_principles (
    guild_key    INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    principle_id TEXT    NOT NULL,
    attempts     INTEGER NOT NULL CHECK (attempts > 0),
    PRIMARY KEY (guild_key, user_id, principle_id)
) WITHOUT ROWID;

INSERT INTO member_principles (guild_key, user_id, principle_id, attempts)
SELECT coalesce(a.guild_id, 0), a.user_id, p.value, count(*)
  FROM answers AS a, json_each(a.principle_ids) AS p
 GROUP BY 1, 2, 3;

CREATE TRIGGER answers_member_principles_insert AFTER INSERT ON answers
BEGIN
    INSERT INTO member_principles (guild_key, user_id, principle_id, attempts)
    SELECT coalesce(NEW.guild_id, 0), NEW.user_id, value, 1
      FROM json_each(NEW.principle_ids) WHERE true
    ON CONFLICT (guild_key, user_id, principle_id) DO UPDATE SET attempts = attempts + 1;
END;

CREATE TRIGGER answers_member_principles_delete AFTER DELETE ON answers
BEGIN
    DELETE FROM member_principles
     WHERE guild_key = coalesce(OLD.guild_id, 0) AND user_id = OLD.user_id
       AND principle_id IN (SELECT value FROM json_each(OLD.principle_ids))
       AND attempts <= 1;
    UPDATE member_principles SET attempts = attempts - 1
     WHERE guild_key = coalesce(OLD.guild_id, 0) AND user_id = OLD.user_id
       AND principle_id IN (SELECT value FROM json_each(OLD.principle_ids));
END;

CREATE TRIGGER answers_member_principles_update AFTER UPDATE OF principle_ids ON answers
WHEN OLD.principle_ids IS NOT NEW.principle_ids
BEGIN
    DELETE FROM member_principles
     WHERE guild_key = coalesce(OLD.guild_id, 0) AND user_id = OLD.user_id
       AND principle_id IN (SELECT value FROM json_each(OLD.principle_ids))
       AND attempts <= 1;
    UPDATE member_principles SET attempts = attempts - 1
     WHERE guild_key = coalesce(OLD.guild_id, 0) AND user_id = OLD.user_id
       AND principle_id IN (SELECT value FROM json_each(OLD.principle_ids));
    INSERT INTO member_principles (guild_key, user_id, principle_id, attempts)
    SELECT coalesce(NEW.guild_id, 0), NEW.user_id, value, 1
      FROM json_each(NEW.principle_ids) WHERE true
    ON CONFLICT (guild_key, user_id, principle_id) DO UPDATE SET attempts = attempts + 1;
END;

-- Per (guild, user): how many principles they have covered, kept from member_principles,
-- with an index so the leaderboard reads only its top rows.
CREATE TABLE member_coverage (
    guild_key          INTEGER NOT NULL,
    user_id            INTEGER NOT NULL,
    principles_covered INTEGER NOT NULL CHECK (principles_covered > 0),
    PRIMARY KEY (guild_key, user_id)
) WITHOUT ROWID;
CREATE INDEX member_coverage_rank
    ON member_coverage (guild_key, principles_covered DESC, user_id);

INSERT INTO member_coverage (guild_key, user_id, principles_covered)
SELECT guild_key, user_id, count(*) FROM member_principles GROUP BY 1, 2;

CREATE TRIGGER member_principles_insert AFTER INSERT ON member_principles
BEGIN
    INSERT INTO member_coverage (guild_key, user_id, principles_covered)
    VALUES (NEW.guild_key, NEW.user_id, 1)
    ON CONFLICT (guild_key, user_id) DO UPDATE SET principles_covered = principles_covered + 1;
END;

CREATE TRIGGER member_principles_delete AFTER DELETE ON member_principles
BEGIN
    DELETE FROM member_coverage
     WHERE guild_key = OLD.guild_key AND user_id = OLD.user_id AND principles_covered <= 1;
    UPDATE member_coverage SET principles_covered = principles_covered - 1
     WHERE guild_key = OLD.guild_key AND user_id = OLD.user_id;
END;
