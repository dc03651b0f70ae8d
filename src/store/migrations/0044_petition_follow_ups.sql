-- Phản ánh lặp lại (rules.md "Petitions", 5.3): the earlier, answered petition a petition follows up,
-- named by the petitioner, the national portal or the handling officer. The key keeps the code real;
-- that the earlier one was answered is checked when it is named. 5.3 reads the follow-ups received
-- before a period's end, whichever agency holds them.
ALTER TABLE petitions ADD COLUMN follows_up text REFERENCES petitions (code);
CREATE INDEX petitions_follow_ups ON petitions (follows_up, received_at) WHERE follows_up IS NOT NULL;
