PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('unit_code','000.17.22.H56');
INSERT INTO meta VALUES('unit_name','UBND xã Mỹ An');
INSERT INTO meta VALUES('unit_address','');
INSERT INTO meta VALUES('station_id','fcd082eb-2659-4a77-99c6-ee8ded0c4198');
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
INSERT INTO station VALUES('fcd082eb-2659-4a77-99c6-ee8ded0c4198',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('fcd082eb-2659-4a77-99c6-ee8ded0c4198',1,'2026-11-16T08:00:00+07:00','lan','f0525189-4562-40e9-b49d-432b2f41dfdb','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00"}','','4d02fe99a8e054273bfb1dd97f7551c22bfd594e7f701a74344d79ef5acbde4a');
INSERT INTO event VALUES('fcd082eb-2659-4a77-99c6-ee8ded0c4198',2,'2026-11-16T08:10:00+07:00','lan','58e85bc6-119b-437b-8d5a-c79eccc6614e','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00"}','4d02fe99a8e054273bfb1dd97f7551c22bfd594e7f701a74344d79ef5acbde4a','978a683aa5498843ef6e59f096ffa8e63a95562cfc664f4f7392a909db966c06');
INSERT INTO event VALUES('fcd082eb-2659-4a77-99c6-ee8ded0c4198',3,'2026-11-16T08:20:00+07:00','lan','3079ac3d-5af7-4ba3-b622-5fb0f366365d','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00"}','978a683aa5498843ef6e59f096ffa8e63a95562cfc664f4f7392a909db966c06','42a6438c606d753145e74cd386bfb6d75f517f887eadcbfec5923feb2aa4afdb');
INSERT INTO event VALUES('fcd082eb-2659-4a77-99c6-ee8ded0c4198',4,'2026-11-16T09:00:00+07:00','lan','f0525189-4562-40e9-b49d-432b2f41dfdb','handover','{"to":"Công chức Tư pháp"}','42a6438c606d753145e74cd386bfb6d75f517f887eadcbfec5923feb2aa4afdb','25481681c9910124bb384ef84a879fe12d226ee59cfce1433e6be6e587ca4e17');
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
INSERT INTO dossier VALUES('58e85bc6-119b-437b-8d5a-c79eccc6614e','000.17.22.H56-261116-1002','fcd082eb-2659-4a77-99c6-ee8ded0c4198','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('3079ac3d-5af7-4ba3-b622-5fb0f366365d','000.17.22.H56-261116-1003','fcd082eb-2659-4a77-99c6-ee8ded0c4198','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('f0525189-4562-40e9-b49d-432b2f41dfdb','000.17.22.H56-261116-1001','fcd082eb-2659-4a77-99c6-ee8ded0c4198','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
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
INSERT INTO name_word VALUES('ba','3079ac3d-5af7-4ba3-b622-5fb0f366365d');
INSERT INTO name_word VALUES('hoang','3079ac3d-5af7-4ba3-b622-5fb0f366365d');
INSERT INTO name_word VALUES('van','3079ac3d-5af7-4ba3-b622-5fb0f366365d');
INSERT INTO name_word VALUES('hai','58e85bc6-119b-437b-8d5a-c79eccc6614e');
INSERT INTO name_word VALUES('pham','58e85bc6-119b-437b-8d5a-c79eccc6614e');
INSERT INTO name_word VALUES('thi','58e85bc6-119b-437b-8d5a-c79eccc6614e');
INSERT INTO name_word VALUES('le','f0525189-4562-40e9-b49d-432b2f41dfdb');
INSERT INTO name_word VALUES('mot','f0525189-4562-40e9-b49d-432b2f41dfdb');
INSERT INTO name_word VALUES('van','f0525189-4562-40e9-b49d-432b2f41dfdb');
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
COMMIT;
PRAGMA user_version = 5;
PRAGMA application_id = 1296258369;
