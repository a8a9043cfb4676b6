-- 008_auth.sql — officers' logins: the password hash, the must-change flag,
-- consecutive failures and the lockout (auth.c).
-- A table of its own, one row per officer, rather than columns of
-- `officer`: every reader of the officer list (reports, slips, the screens)
-- then never holds a hash, and nothing that copies officers can carry one.
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;

-- Every officer has its row: those already there, and each one added.
INSERT INTO officer_login(username) SELECT username FROM officer;
CREATE TRIGGER officer_login_new AFTER INSERT ON officer
BEGIN
	INSERT INTO officer_login(username) VALUES (NEW.username);
END;
