PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('unit_code','000.17.22.H56');
INSERT INTO meta VALUES('unit_name','UBND xã Mỹ An');
INSERT INTO meta VALUES('unit_address','');
INSERT INTO meta VALUES('station_id','1e39faf8-b437-4583-837d-e8c5f05c5585');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:1e39faf8-b437-4583-837d-e8c5f05c5585','11');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
	hash    TEXT NOT NULL UNIQUE, sig TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (origin, seq)
) STRICT;
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','c75db17a6919f0dedbcb6ee1230f5fda35cba1f0c00c598c3b03c32f21cf3502','c858b7f02d8cf68f214a6581130364f12ab9eb1de373bdcc6057f5c3b64e01050f7caf6346b089458bb44a715ff7e402b42f09813523a1d8032609ce5048a40e');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','c75db17a6919f0dedbcb6ee1230f5fda35cba1f0c00c598c3b03c32f21cf3502','e3dd189154813278db2ad1292d9f8576e7dd622e79bf589df23402b03e2deeca','4fd9b9dc199e22deb4528f9a666c3d3dae42124f8de08008e19ba8c39b8c6de184225facfaa08803f4b5dcf34d4378a1ca457513a57ba90d9a8429069219170f');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-011/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','e3dd189154813278db2ad1292d9f8576e7dd622e79bf589df23402b03e2deeca','20ab0de36fe1991e98a0c7608271768ac335bd2e653e3f381ac261c13305ca5c','d8edf44929107feeb39c49c5358b92446c4938396f889b2f79eeb2866267e395feec3954418b63b7d0938aaa05df1847e27c5543805281d004adb7e9c89ff208');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',4,'2026-11-16T08:00:00+07:00','lan','f13a7fe4-c69b-4753-a580-5372ae1f4778','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00"}','20ab0de36fe1991e98a0c7608271768ac335bd2e653e3f381ac261c13305ca5c','4f97b61f8a3df192da1f0d87ede9ed8c60a03563f8337f4b0c3a5356fd0b48b3','1c5a4adb0f590311d7adf621d043cc565ffa3f90a0de3597af062daafb187d70a907e5bd8f3f19a844fbce0d772e13e8ddffef7dc3125f8c6ea09a471f56f50b');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',5,'2026-11-16T08:10:00+07:00','lan','0432e154-f09a-441c-a7ed-e3b1c0e6a875','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00"}','4f97b61f8a3df192da1f0d87ede9ed8c60a03563f8337f4b0c3a5356fd0b48b3','6f7c4f0ad38524ecd8b7e4fddf20a172a4b5cee94f484bb280c7bbcd01fa16d6','7a70b29dc73e474ec5923d8b795c0ae61a519851cf21b802c593c80d99bbe896327a19e3e38d4ce9066d13c8e64ab63d7eb40ccd8c1e0eaceaed5a47e00e7405');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',6,'2026-11-16T08:20:00+07:00','lan','8c66bb67-86db-4547-82da-7b42c26f34d6','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00"}','6f7c4f0ad38524ecd8b7e4fddf20a172a4b5cee94f484bb280c7bbcd01fa16d6','633dd8d5de36f5c7564179dec39b4b496a48a2065f2b8da93582bba5a806c822','16c5312ae87669d65e40833e0696b01d280fed88a735d8caa129bd9b52bea16bb958b8591364cda6fefb1abb54855997994fef42ffe7e30314b84eeda348b708');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',7,'2026-11-16T09:00:00+07:00','lan','f13a7fe4-c69b-4753-a580-5372ae1f4778','handover','{"to":"Công chức Tư pháp"}','633dd8d5de36f5c7564179dec39b4b496a48a2065f2b8da93582bba5a806c822','09a643e4c6904e7c1d854267ea1518e0396774ab560369410827ca70dc75e022','f2be39e9b15bf0a7cd380a920f6a7dc0e98f5ee2ab03d14c072e5d40160005d89b7e389c72eb6ad95480c2b36161e86a3a015099e9da3a157b10a9951fa81805');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"9A8F-60D6-EF19-7B97","number":"2","unit":"000.17.22.H56","station":"96c297fb-c328-46c6-896c-30b7d67d15a7","public":"b56ade1148dd5a8dbca52ef510e1949d9259709827f126eaf5e269d4bba55941"}','09a643e4c6904e7c1d854267ea1518e0396774ab560369410827ca70dc75e022','e9c432897b04ad146bbee4e4480177d11b19a1ccf6d9940e3286ff530b39ee3e','d868d08d7c3408773ee15f060519a640706ba18a9af5a320bb6f45ef69ef9071f3018b2259276af48cb0d80175c924d8f8239bde023096a6a250f3d56125280f');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.fqFyNl/card.motcua","events":"8"}','e9c432897b04ad146bbee4e4480177d11b19a1ccf6d9940e3286ff530b39ee3e','6f65dd731636ff23639c5be967b71c468d625b782b2a70fa5901f8aeb82de5a3','21b23b3e6285b4d880f5c59c234f29194bedaa930c86e0d6f2bfd54783ec728457445204a107064b9568202fee01e5643853091702cc82adcf1c4f6385462e06');
INSERT INTO event VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','04c3939d7e9aaf71a968a129f0a58594065fa8c5b1b537ed65a0acd25c6bd4d3','3ea69c3c8ca436b7c3a64c807f6e6b9d546abb7e615fff78054420c8bd4ea6170d8496f17de8cb695cf97aeed3ae1932ab63fa258eb032e78414f65467fcb501');
INSERT INTO event VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','04c3939d7e9aaf71a968a129f0a58594065fa8c5b1b537ed65a0acd25c6bd4d3','da10ee337d0261f2a31dccece00ffec601b2dae93395b8e499c61f46b825c558','48ea3d3ae11f7d7a4ea94e1b1a2d3956288d8dd26424ed06c929055271c6a8007c9b99a2667aedcd7904389f4b5b667038aabfd8720f9b9c5656dbd25769270a');
INSERT INTO event VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-011/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','da10ee337d0261f2a31dccece00ffec601b2dae93395b8e499c61f46b825c558','e45f0854efaa294977d8f65f71580fed4b5e42943d64dc8550831352c2da7e57','58888648980c290ab9491b881259bf043541ba8fc8d8bd17a6c57d1bddfe8bee5fe1392185aadfec26393428447d4c3008b5a3737605c59793123acca7a33c0d');
INSERT INTO event VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7',4,'2026-11-16T08:30:00+07:00','lan','790ab6db-bbbb-4be7-b718-77409a99359f','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00"}','e45f0854efaa294977d8f65f71580fed4b5e42943d64dc8550831352c2da7e57','b19d90cee69a1815d0bdc1ffdcf6d01af2c2a20bfe9703b668dc27f26bc9d3dc','e10199e6f2e627da455d879e9859ac9dbcf3dc354774c1ac9bcfb72f46803146457aff15c52c3fe040b0418a72ded0e44f3a9276a75cb870abc8cd2d473e0e0a');
INSERT INTO event VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.fqFyNl/card.motcua","events":"4"}','b19d90cee69a1815d0bdc1ffdcf6d01af2c2a20bfe9703b668dc27f26bc9d3dc','c9ee35a90a6077dbfd632a2cb3d09164e1509fa31b98ddb1685f6b21c619ec9d','adb65a001ce1cd6d1ff11d866e825ee2aeabc52311d02216fbe45f83cd91a2726852add71d7480809caaae6af925dc4d29e1cb4d8e8761dca3cba7dc9c1e0e08');
INSERT INTO event VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"5628-B95A-ED4E-AF8B","number":"1","unit":"000.17.22.H56","station":"1e39faf8-b437-4583-837d-e8c5f05c5585","public":"470b026bf2771cc0216e021c3e9434dd89ccdc071328e3c2c8bb6e78f5349c7d"}','c9ee35a90a6077dbfd632a2cb3d09164e1509fa31b98ddb1685f6b21c619ec9d','767b185e7a394e08e6e2ec5c70478a1346263ca4104f01ce88684316fde09b76','7f310c357ffe10b2499ebd9cccf25ccfb3dea7b42ced5210b4396ddad24da38c95ec8eb631925e3f3a78de4195159827e919156d7e2251e3ea2d9567e066a800');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.fqFyNl/b.motcua","events":"6","sender":"96c297fb-c328-46c6-896c-30b7d67d15a7"}','6f65dd731636ff23639c5be967b71c468d625b782b2a70fa5901f8aeb82de5a3','d52cfe7f6513431acf2d64ebe11b7c90bff38968f3da70421e09f71c7dea9ea1','34f039569a5ba46ddfddd90dff4ab2a4b9ac4d0653e21924433f72c1f86331e57a25cec04c8470622be2640c189429d909d9246cdcee1f78c2d8c46c03fd3c03');
INSERT INTO event VALUES('1e39faf8-b437-4583-837d-e8c5f05c5585',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.fqFyNl/a.motcua","events":"16"}','d52cfe7f6513431acf2d64ebe11b7c90bff38968f3da70421e09f71c7dea9ea1','f7803694715ef2dd76050715b0a70fd61aa09a84076ab508e7a8a49336b272ff','00a376ac4b588369b8c584a0c4a525a99890616cb2f57e39859cac676c2e04c0f14a02418c0cf26760f6169baa2e34980d6c30e7ac82ea74bb256b4f889f0f01');
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
INSERT INTO dossier VALUES('0432e154-f09a-441c-a7ed-e3b1c0e6a875','000.17.22.H56-261116-1002','1e39faf8-b437-4583-837d-e8c5f05c5585','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('8c66bb67-86db-4547-82da-7b42c26f34d6','000.17.22.H56-261116-1003','1e39faf8-b437-4583-837d-e8c5f05c5585','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('f13a7fe4-c69b-4753-a580-5372ae1f4778','000.17.22.H56-261116-1001','1e39faf8-b437-4583-837d-e8c5f05c5585','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('790ab6db-bbbb-4be7-b718-77409a99359f','000.17.22.H56-261116-2001','96c297fb-c328-46c6-896c-30b7d67d15a7','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
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
	required       INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)), condition TEXT
	CHECK (condition IS NULL OR length(condition) > 0),
	PRIMARY KEY (procedure_code, position)
) STRICT;
INSERT INTO procedure_document VALUES('1.001193',1,'Tờ khai đăng ký khai sinh','original',1,1,NULL);
INSERT INTO procedure_document VALUES('1.001193',2,'Giấy chứng sinh','original',1,1,NULL);
INSERT INTO procedure_document VALUES('2.000815',1,'Bản chính giấy tờ','original',1,1,NULL);
INSERT INTO procedure_document VALUES('2.000815',2,'Bản sao cần chứng thực','copy',2,0,NULL);
INSERT INTO procedure_document VALUES('1.004873',1,'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân','original',1,1,NULL);
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
INSERT INTO name_word VALUES('hai','0432e154-f09a-441c-a7ed-e3b1c0e6a875');
INSERT INTO name_word VALUES('pham','0432e154-f09a-441c-a7ed-e3b1c0e6a875');
INSERT INTO name_word VALUES('thi','0432e154-f09a-441c-a7ed-e3b1c0e6a875');
INSERT INTO name_word VALUES('bon','790ab6db-bbbb-4be7-b718-77409a99359f');
INSERT INTO name_word VALUES('thi','790ab6db-bbbb-4be7-b718-77409a99359f');
INSERT INTO name_word VALUES('tran','790ab6db-bbbb-4be7-b718-77409a99359f');
INSERT INTO name_word VALUES('ba','8c66bb67-86db-4547-82da-7b42c26f34d6');
INSERT INTO name_word VALUES('hoang','8c66bb67-86db-4547-82da-7b42c26f34d6');
INSERT INTO name_word VALUES('van','8c66bb67-86db-4547-82da-7b42c26f34d6');
INSERT INTO name_word VALUES('le','f13a7fe4-c69b-4753-a580-5372ae1f4778');
INSERT INTO name_word VALUES('mot','f13a7fe4-c69b-4753-a580-5372ae1f4778');
INSERT INTO name_word VALUES('van','f13a7fe4-c69b-4753-a580-5372ae1f4778');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7','000.17.22.H56',2,'{"96c297fb-c328-46c6-896c-30b7d67d15a7":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=65536,t=2,p=1$62oCqCjAFBTzmQypWSc9AA$jRlIq0IBoDXozzuPyiTXbOrb48PIDFMn6vbt3vWlzK0',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=65536,t=2,p=1$kscvSDPJ2D6fZrh5dShKQQ$bs7LVAVpTvSPuQtsjOes87iNdlZBs6jsxGadHxH/MKY',0,0,NULL);
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
CREATE TABLE station_key (
	id     INTEGER PRIMARY KEY CHECK (id = 1),
	public TEXT NOT NULL CHECK (length(public) = 64),
	secret TEXT NOT NULL CHECK (length(secret) = 128),
	made   TEXT NOT NULL
) STRICT;
INSERT INTO station_key VALUES(1,'470b026bf2771cc0216e021c3e9434dd89ccdc071328e3c2c8bb6e78f5349c7d','154b5401a03aeac90ce6917222fb28c081814f72fbc36631b2eaa444fac0653e470b026bf2771cc0216e021c3e9434dd89ccdc071328e3c2c8bb6e78f5349c7d','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('96c297fb-c328-46c6-896c-30b7d67d15a7','b56ade1148dd5a8dbca52ef510e1949d9259709827f126eaf5e269d4bba55941','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
CREATE TABLE clone_alarm (
	origin TEXT NOT NULL,
	seq    INTEGER NOT NULL,
	held   TEXT NOT NULL,              -- hash of the event held
	other  TEXT NOT NULL,              -- hash of the other one
	event  TEXT NOT NULL,              -- the other event, as JSON
	file   TEXT NOT NULL,
	found  TEXT NOT NULL,
	PRIMARY KEY (origin, seq, other)
) STRICT;
CREATE UNIQUE INDEX station_self ON station(self) WHERE self = 1;
CREATE INDEX event_dossier ON event(dossier);
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
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
WHEN NOT (OLD.sig = '' AND NEW.sig <> '' AND NEW.origin IS OLD.origin AND
	NEW.seq IS OLD.seq AND NEW.at IS OLD.at AND NEW.officer IS OLD.officer AND
	NEW.dossier IS OLD.dossier AND NEW.kind IS OLD.kind AND NEW.body IS OLD.body AND
	NEW.prev IS OLD.prev AND NEW.hash IS OLD.hash)
BEGIN
	SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed');
END;
COMMIT;
PRAGMA user_version = 11;
PRAGMA application_id = 1296258369;
