-- 0006: one row per (member, guild, day) with a daily answer, carrying the length of the
-- run of consecutive days that ends on that day. Kept by triggers, so a member's current
-- streak is one lookup (their row for today or yesterday) however long it is.
-- Days are date.toordinal() numbers: CAST(julianday(d) AS INTEGER) - 1721424.

CREATE TABLE daily_days (
    user_id   INTEGER NOT NULL,
    guild_key INTEGER NOT NULL,   -- guild id, 0 = none
    day       INTEGER NOT NULL,
    answers   INTEGER NOT NULL CHECK (answers > 0),
    streak    INTEGER NOT NULL CHECK (streak > 0),
    PRIMARY KEY (user_id, guild_key, day)
) WITHOUT ROWID;
CREATE INDEX daily_days_guild_day ON daily_days (guild_key, day, user_id, streak);

-- Back-fill from the answers already stored (gaps and islands).
INSERT INTO daily_days (user_id, guild_key, day, answers, streak)
SELECT user_id, guild_key, day, answers,
       row_number() OVER (PARTITION BY user_id, guild_key, day - rank ORDER BY day)
  FROM (SELECT user_id, guild_key, day, answers,
               row_number() OVER (PARTITION BY user_id, guild_key ORDER BY day) AS rank
          FROM (SELECT user_id, coalesce(guild_id, 0) AS guild_key,
                       CAST(julianday(local_date) AS INTEGER) - 1721424 AS day,
                       count(*) AS answers
                  FROM answers WHERE source = 'daily' GROUP BY 1, 2, 3));

-- The partial indexes of 0001 served streaks; daily_days does now.
DROP INDEX answers_daily_guild_date;
DROP INDEX answers_daily_user;

CREATE TRIGGER answers_daily_days_insert AFTER INSERT ON answers
WHEN NEW.source = 'daily'
BEGIN
    INSERT INTO daily_days (user_id, guild_key, day, answers, streak)
    SELECT NEW.user_id, coalesce(NEW.guild_id, 0), d, 1,
           1 + coalesce((SELECT streak FROM daily_days
                          WHERE user_id = NEW.user_id AND guild_key = coalesce(NEW.guild_id, 0)
                            AND day = d - 1), 0)
      FROM (SELECT CAST(julianday(NEW.local_date) AS INTEGER) - 1721424 AS d) WHERE true
    ON CONFLICT (user_id, guild_key, day) DO UPDATE SET answers = answers + 1;
END;

CREATE TRIGGER answers_daily_days_delete AFTER DELETE ON answers
WHEN OLD.source = 'daily'
BEGIN
    DELETE FROM daily_days
     WHERE user_id = OLD.user_id AND guild_key = coalesce(OLD.guild_id, 0)
       AND day = CAST(julianday(OLD.local_date) AS INTEGER) - 1721424 AND answers <= 1;
    UPDATE daily_days SET answers = answers - 1
     WHERE user_id = OLD.user_id AND guild_key = coalesce(OLD.guild_id, 0)
       AND day = CAST(julianday(OLD.local_date) AS INTEGER) - 1721424;
END;

-- A day added before a run that already exists (an out-of-order insert) joins the run:
-- the run's days had streak = day - NEW.day and gain NEW.streak.
CREATE TRIGGER daily_days_insert AFTER INSERT ON daily_days
BEGIN
    UPDATE daily_days SET streak = streak + NEW.streak
     WHERE user_id = NEW.user_id AND guild_key = NEW.guild_key
       AND day > NEW.day AND streak = day - NEW.day;
END;

-- A day removed from a run splits it: the days after it start counting again.
CREATE TRIGGER daily_days_delete AFTER DELETE ON daily_days
BEGIN
    UPDATE daily_days SET streak = day - OLD.day
     WHERE user_id = OLD.user_id AND guild_key = OLD.guild_key
       AND day > OLD.day AND streak = OLD.streak + day - OLD.day;
END;

-- What an answer counts for (member, guild, day, kind, principles) feeds the counters
-- above; the repository never changes it, and nothing else may.
CREATE TRIGGER answers_identity_fixed
BEFORE UPDATE OF user_id, guild_id, source, local_date ON answers
WHEN OLD.user_id IS NOT NEW.user_id OR OLD.guild_id IS NOT NEW.guild_id
  OR OLD.source IS NOT NEW.source OR OLD.local_date IS NOT NEW.local_date
BEGIN
    SELECT RAISE(ABORT, 'an answer''s user, guild, source and local date cannot change');
END;
