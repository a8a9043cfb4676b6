PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('unit_code','000.17.22.H56');
INSERT INTO meta VALUES('unit_name','UBND xã Mỹ An');
INSERT INTO meta VALUES('unit_address','');
INSERT INTO meta VALUES('station_id','705220b0-e2cd-490a-8a37-38370df500f3');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('705220b0-e2cd-490a-8a37-38370df500f3',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
CREATE TABLE officer (
	username  TEXT PRIMARY KEY CHECK (length(username) BETWEEN 1 AND 32),
	full_name TEXT NOT NULL CHECK (length(full_name) > 0),
	role      TEXT NOT NULL DEFAULT 'officer'
	          CHECK (role IN ('officer', 'supervisor', 'auditor')),
	active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created   TEXT NOT NULL
) STRICT;
INSERT INTO officer VALUES('truong','Trần Văn Trưởng','supervisor',1,'2026-11-16T07:30:00+07:00');
INSERT INTO officer VALUES('lan','Nguyễn Thị Lan','officer',1,'2026-11-16T07:30:00+07:00');
CREATE TABLE event (
	origin  TEXT NOT NULL,             -- station id that recorded it
	seq     INTEGER NOT NULL CHECK (seq >= 1),
	at      TEXT NOT NULL,             -- when it happened, ISO 8601 +07:00
	officer TEXT NOT NULL,
	dossier TEXT NOT NULL,             -- dossier id (UUID)
	kind    TEXT NOT NULL,
	body    TEXT NOT NULL,                 -- JSON, minified by json() (event.c)
	prev    TEXT NOT NULL,
	hash    TEXT NOT NULL UNIQUE,
	PRIMARY KEY (origin, seq)
) STRICT;
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','0aa59052d090bb8c7e1e8af8f989080fa7bfd6d14f19c6646088ec4836fb98ed');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','0aa59052d090bb8c7e1e8af8f989080fa7bfd6d14f19c6646088ec4836fb98ed','9bc9bebf9225c2b2664210e7719a9f38b7b5281a26a09bbaee219ed497920ffd');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-009/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','9bc9bebf9225c2b2664210e7719a9f38b7b5281a26a09bbaee219ed497920ffd','5ee8fcc1958e5394629b45757c591075a6eaace2b9487bf10c88f3762af049d0');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',4,'2026-11-16T08:00:00+07:00','lan','952ccd34-ae1a-40c8-be1d-0ff395434b53','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00"}','5ee8fcc1958e5394629b45757c591075a6eaace2b9487bf10c88f3762af049d0','86c70ea969d109500bfd06cff85794f154d04a824102e1475680d68d8de22219');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',5,'2026-11-16T08:10:00+07:00','lan','614ba46f-5814-4fa6-89b1-10c4ae090513','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00"}','86c70ea969d109500bfd06cff85794f154d04a824102e1475680d68d8de22219','be5adbc74bb04f97068bf769d63417f9e1e63cdedecd0d731aee3fc77800af8b');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',6,'2026-11-16T08:20:00+07:00','lan','406b9a47-25d3-4337-80e8-89462dcfd121','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00"}','be5adbc74bb04f97068bf769d63417f9e1e63cdedecd0d731aee3fc77800af8b','85d03b9cd16e0dd9d342150b40c02ff2e386280a6c54ba9546b09c6f98d50da5');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',7,'2026-11-16T09:00:00+07:00','lan','952ccd34-ae1a-40c8-be1d-0ff395434b53','handover','{"to":"Công chức Tư pháp"}','85d03b9cd16e0dd9d342150b40c02ff2e386280a6c54ba9546b09c6f98d50da5','b5809ca44cbc7675a4405fb78d9b68e64bac1b4120ba22514c52a5940065ccc6');
INSERT INTO event VALUES('8cbbf0fe-b081-4134-90fe-8ea9e90e5852',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','4b574378c8407cb9c392c67b936672239926fe64ef4c1849ea156fe84492b16e');
INSERT INTO event VALUES('8cbbf0fe-b081-4134-90fe-8ea9e90e5852',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','4b574378c8407cb9c392c67b936672239926fe64ef4c1849ea156fe84492b16e','0fd62332787165f46555dfc3815567b3fb0d582681b78af03066f6f75dcbf241');
INSERT INTO event VALUES('8cbbf0fe-b081-4134-90fe-8ea9e90e5852',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-009/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','0fd62332787165f46555dfc3815567b3fb0d582681b78af03066f6f75dcbf241','9e10c4604fddad6274e5a4cc789a6f9c421100591474ff0355bc851d0d5000bf');
INSERT INTO event VALUES('8cbbf0fe-b081-4134-90fe-8ea9e90e5852',4,'2026-11-16T08:30:00+07:00','lan','693eacb2-17c7-49cd-a3de-c0d75a0f1677','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00"}','9e10c4604fddad6274e5a4cc789a6f9c421100591474ff0355bc851d0d5000bf','f9214bfa856cafd1bca70cab34fef726c34296439804a1692dbbdc8bfaa8ac70');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',8,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.kyrLSB/b.motcua","events":"4","sender":"8cbbf0fe-b081-4134-90fe-8ea9e90e5852"}','b5809ca44cbc7675a4405fb78d9b68e64bac1b4120ba22514c52a5940065ccc6','d44f5e2b4a656e65a1469ecfb3cb5a007ec057442bad3dd5c8030bc59d6eda11');
INSERT INTO event VALUES('705220b0-e2cd-490a-8a37-38370df500f3',9,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.kyrLSB/a.motcua","events":"12"}','d44f5e2b4a656e65a1469ecfb3cb5a007ec057442bad3dd5c8030bc59d6eda11','6a47a420eba11790ee3c8ce8c8af4a3bafc97375134a8bef38ecf48a940d51e3');
CREATE TABLE dossier (
	id             TEXT PRIMARY KEY,
	code           TEXT NOT NULL UNIQUE,
	station        TEXT NOT NULL,       -- receiving station id
	officer        TEXT NOT NULL,       -- receiving officer
	procedure_code TEXT NOT NULL,
	procedure_name TEXT NOT NULL,
	field          TEXT NOT NULL,
	time_limit     TEXT NOT NULL,
	fee            INTEGER NOT NULL DEFAULT 0,
	documents      TEXT NOT NULL,       -- JSON array, from the receive event
	applicant_name TEXT NOT NULL,
	applicant_id   TEXT NOT NULL,
	birth_date     TEXT,
	phone          TEXT,
	address        TEXT,
	email          TEXT,
	delivery       TEXT NOT NULL DEFAULT 'counter'
	               CHECK (delivery IN ('counter', 'post')),
	name_fold      TEXT NOT NULL,       -- vn_fold(applicant_name), for search
	received       TEXT NOT NULL,
	due            TEXT NOT NULL,       -- the promised date-time
	status         TEXT NOT NULL,
	updated        TEXT NOT NULL        -- time of the last event applied
, address_fold TEXT, appointment TEXT, handler TEXT, agency TEXT, paused_from TEXT, paused_at TEXT, paused_days INTEGER NOT NULL DEFAULT 0, result TEXT, result_reason TEXT, result_at TEXT, returned_at TEXT, collector TEXT, collector_id TEXT, rating TEXT, closed_reason TEXT, closed_at TEXT, apologies INTEGER NOT NULL DEFAULT 0) STRICT;
INSERT INTO dossier VALUES('614ba46f-5814-4fa6-89b1-10c4ae090513','000.17.22.H56-261116-1002','705220b0-e2cd-490a-8a37-38370df500f3','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('406b9a47-25d3-4337-80e8-89462dcfd121','000.17.22.H56-261116-1003','705220b0-e2cd-490a-8a37-38370df500f3','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('952ccd34-ae1a-40c8-be1d-0ff395434b53','000.17.22.H56-261116-1001','705220b0-e2cd-490a-8a37-38370df500f3','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('693eacb2-17c7-49cd-a3de-c0d75a0f1677','000.17.22.H56-261116-2001','8cbbf0fe-b081-4134-90fe-8ea9e90e5852','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
CREATE TABLE procedure (
	code        TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 64),
	position    INTEGER NOT NULL,      -- order in the issuer's file (1, 2, …)
	name        TEXT NOT NULL CHECK (length(name) > 0),
	field       TEXT NOT NULL CHECK (length(field) > 0),   -- lĩnh vực
	level       TEXT NOT NULL
	            CHECK (level IN ('commune', 'district', 'province', 'central')),
	time_limit  TEXT NOT NULL,         -- canonical: "3 days", "1 day", "8 hours", "same day"
	fee         INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),   -- VND
	fee_note    TEXT,
	result      TEXT NOT NULL,
	legal_basis TEXT NOT NULL,
	effective   TEXT,                  -- YYYY-MM-DD
	abolished   TEXT,                  -- YYYY-MM-DD; NULL while in force
	version     INTEGER NOT NULL,      -- catalog version that last changed the row
	name_fold   TEXT NOT NULL,         -- vn_fold(name), for search
	field_fold  TEXT NOT NULL          -- vn_fold(field), for search
) STRICT;
INSERT INTO procedure VALUES('1.001193',1,'Thủ tục đăng ký khai sinh','Hộ tịch','commune','same day',0,'Miễn lệ phí khi đăng ký đúng hạn','Kết quả Thủ tục đăng ký khai sinh','Luật Hộ tịch số 60/2014/QH13',NULL,NULL,1,'thu tuc dang ky khai sinh','ho tich');
INSERT INTO procedure VALUES('2.000815',2,'Chứng thực bản sao từ bản chính','Chứng thực','commune','same day',2000,NULL,'Kết quả Chứng thực bản sao từ bản chính','Nghị định số 23/2015/NĐ-CP',NULL,NULL,1,'chung thuc ban sao tu ban chinh','chung thuc');
INSERT INTO procedure VALUES('1.004873',3,'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân','Hộ tịch','commune','3 days',15000,NULL,'Kết quả Thủ tục cấp Giấy xác nhận tình trạng hôn nhân','Luật Hộ tịch số 60/2014/QH13','2016-01-01',NULL,1,'thu tuc cap giay xac nhan tinh trang hon nhan','ho tich');
CREATE TABLE procedure_document (
	procedure_code TEXT NOT NULL REFERENCES procedure(code) ON DELETE CASCADE,
	position       INTEGER NOT NULL CHECK (position >= 1),
	name           TEXT NOT NULL CHECK (length(name) > 0),
	form           TEXT NOT NULL
	               CHECK (form IN ('original', 'certified_copy', 'copy')),
	quantity       INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
	required       INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
	PRIMARY KEY (procedure_code, position)
) STRICT;
INSERT INTO procedure_document VALUES('1.001193',1,'Tờ khai đăng ký khai sinh','original',1,1);
INSERT INTO procedure_document VALUES('1.001193',2,'Giấy chứng sinh','original',1,1);
INSERT INTO procedure_document VALUES('2.000815',1,'Bản chính giấy tờ','original',1,1);
INSERT INTO procedure_document VALUES('2.000815',2,'Bản sao cần chứng thực','copy',2,0);
INSERT INTO procedure_document VALUES('1.004873',1,'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân','original',1,1);
CREATE TABLE holiday (
	date TEXT PRIMARY KEY
	     CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	off  INTEGER NOT NULL CHECK (off IN (0, 1)),
	name TEXT NOT NULL CHECK (length(name) > 0)
) STRICT;
CREATE TABLE calendar_year (
	year     INTEGER PRIMARY KEY CHECK (year BETWEEN 1800 AND 2199),
	source   TEXT NOT NULL DEFAULT '',   -- the decision or notice it comes from
	imported TEXT NOT NULL               -- when, ISO 8601 +07:00
) STRICT;
CREATE TABLE calendar_day (
	date TEXT PRIMARY KEY
	     CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	year INTEGER NOT NULL REFERENCES calendar_year(year) ON DELETE CASCADE
	     CHECK (substr(date, 1, 4) = printf('%04d', year)),
	off  INTEGER NOT NULL CHECK (off IN (0, 1)),
	name TEXT NOT NULL CHECK (length(name) > 0)
) STRICT;
CREATE TABLE name_word (
	word TEXT NOT NULL,
	id   TEXT NOT NULL,
	PRIMARY KEY (word, id)
) STRICT, WITHOUT ROWID;
INSERT INTO name_word VALUES('ba','406b9a47-25d3-4337-80e8-89462dcfd121');
INSERT INTO name_word VALUES('hoang','406b9a47-25d3-4337-80e8-89462dcfd121');
INSERT INTO name_word VALUES('van','406b9a47-25d3-4337-80e8-89462dcfd121');
INSERT INTO name_word VALUES('hai','614ba46f-5814-4fa6-89b1-10c4ae090513');
INSERT INTO name_word VALUES('pham','614ba46f-5814-4fa6-89b1-10c4ae090513');
INSERT INTO name_word VALUES('thi','614ba46f-5814-4fa6-89b1-10c4ae090513');
INSERT INTO name_word VALUES('bon','693eacb2-17c7-49cd-a3de-c0d75a0f1677');
INSERT INTO name_word VALUES('thi','693eacb2-17c7-49cd-a3de-c0d75a0f1677');
INSERT INTO name_word VALUES('tran','693eacb2-17c7-49cd-a3de-c0d75a0f1677');
INSERT INTO name_word VALUES('le','952ccd34-ae1a-40c8-be1d-0ff395434b53');
INSERT INTO name_word VALUES('mot','952ccd34-ae1a-40c8-be1d-0ff395434b53');
INSERT INTO name_word VALUES('van','952ccd34-ae1a-40c8-be1d-0ff395434b53');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('8cbbf0fe-b081-4134-90fe-8ea9e90e5852','000.17.22.H56',2,'{"8cbbf0fe-b081-4134-90fe-8ea9e90e5852":4}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=65536,t=2,p=1$XLh3L3UvalSTrquhg8VEfA$pXAF+AwXo+pH1Jd2ULV3mDgy2dw7X6hMiCfryPqhfxs',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=65536,t=2,p=1$jNsWWpq5rVfdJChKUdPUzA$7/CWzDGFvSqbdWNbtkvl4FfgpVmhpmDUV3jO9ZP0ds0',0,0,NULL);
CREATE TABLE procedure_version (
	procedure_code  TEXT NOT NULL REFERENCES procedure(code),
	revision        INTEGER NOT NULL CHECK (revision >= 1),
	change          TEXT NOT NULL
	                CHECK (change IN ('held', 'amend', 'abolish', 'restore')),
	catalog_version INTEGER NOT NULL,   -- procedure.version at the time
	officer         TEXT,               -- the acting supervisor; NULL for 'held'
	made            TEXT NOT NULL,      -- ISO 8601 date-time
	time_limit      TEXT NOT NULL,
	fee             INTEGER NOT NULL CHECK (fee >= 0),
	documents       TEXT NOT NULL,      -- JSON array of {name, form, quantity, required}
	abolished       TEXT,               -- YYYY-MM-DD or NULL
	PRIMARY KEY (procedure_code, revision)
) STRICT;
CREATE UNIQUE INDEX station_self ON station(self) WHERE self = 1;
CREATE INDEX event_dossier ON event(dossier);
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
BEGIN
	SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed');
END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN
	SELECT RAISE(ABORT, 'events are append-only: an event cannot be deleted');
END;
CREATE INDEX dossier_received ON dossier(received);
CREATE INDEX dossier_due ON dossier(status, due);
CREATE INDEX dossier_applicant ON dossier(applicant_id);
CREATE INDEX dossier_name ON dossier(name_fold);
CREATE INDEX procedure_order ON procedure(position, code);
CREATE INDEX calendar_day_year ON calendar_day(year);
CREATE INDEX dossier_address ON dossier(address_fold);
CREATE INDEX dossier_phone ON dossier(phone);
CREATE INDEX dossier_appointment ON dossier(status, appointment);
CREATE INDEX dossier_code_received ON dossier(received DESC);
CREATE INDEX name_word_id ON name_word(id);
CREATE INDEX dossier_result_at ON dossier(result_at);
CREATE INDEX dossier_closed_at ON dossier(closed_at);
CREATE INDEX dossier_returned_at ON dossier(returned_at);
CREATE INDEX event_kind_at ON event(kind, at);
CREATE INDEX dossier_period ON dossier(received, status, field, due, result_at,
	closed_at, id);
CREATE TRIGGER officer_login_new AFTER INSERT ON officer
BEGIN
	INSERT INTO officer_login(username) VALUES (NEW.username);
END;
COMMIT;
PRAGMA user_version = 9;
PRAGMA application_id = 1296258369;
