PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('unit_code','000.17.22.H56');
INSERT INTO meta VALUES('unit_name','UBND xã Mỹ An');
INSERT INTO meta VALUES('unit_body','Trung tâm Phục vụ hành chính công xã Mỹ An');
INSERT INTO meta VALUES('unit_place','Mỹ An');
INSERT INTO meta VALUES('unit_address','');
INSERT INTO meta VALUES('unit_phone','');
INSERT INTO meta VALUES('station_id','b44186ce-124a-4dbc-b019-073353523afb');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:b44186ce-124a-4dbc-b019-073353523afb','11');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:b44186ce-124a-4dbc-b019-073353523afb:01/2026','3');
INSERT INTO meta VALUES('book_high:f81c77c5-f723-4ace-bf72-f04278f6f139:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('b44186ce-124a-4dbc-b019-073353523afb',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','a32fffcd13de9df102190da975d7c1acd1f73c39f12006090e894edbff6bfe1e','efd03d03e88bba5e7ee7221f1057629f58a9bf53d629efd3334df232152fcd97f12166395c54adb729ea6f503a59cd2a872c7fd38e192d6bc8f6ec3aa53fbd0c');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','a32fffcd13de9df102190da975d7c1acd1f73c39f12006090e894edbff6bfe1e','7563fc99226fd1df9e6d098a83104b211f84bf1c5af21a9e05f0424b2e550d6f','3bac41428d086e0fb4b77efba74623a6f3c9c9878364a280cfac1190af5215adc84a5bbf21ac622585753dbcee210958087f800274385b784940a00baa5d9508');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-018/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','7563fc99226fd1df9e6d098a83104b211f84bf1c5af21a9e05f0424b2e550d6f','5a62811a4402ea8c7627839070c1efbeb1fe09a58cc3c8cd9f5c3da45c155ae4','1739cac6bf8bbb496e0a9d666011cb33046a735b06195789f36324a47a95fd21678f7cf73ecdd01754a3c5f54e21ef95f2c74f1de67139414e4d86a484307800');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',4,'2026-11-16T08:00:00+07:00','lan','6ee518a2-cc11-4a92-a4c7-a7f046854150','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','5a62811a4402ea8c7627839070c1efbeb1fe09a58cc3c8cd9f5c3da45c155ae4','db7add7f1aa2201e742b47686f2406ce31b5b04510e61d3717cd00be7d80c250','091f5bc9c34fc550af54224c1f37e8ea5520abdd76b92f3b606452d3f647df28cc709f921785a103b554bb20d45f3347c6e710143fea711b1dafc05a0b46db06');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',5,'2026-11-16T08:10:00+07:00','lan','16b67d9f-7ebe-49a2-abea-c1ac714db414','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','db7add7f1aa2201e742b47686f2406ce31b5b04510e61d3717cd00be7d80c250','0f126c16bbdd920a14fb184a0b404f38155806db496d8c273cc42faab62579ea','e90b0e0e9ec86c7d23080563da07f6b841f5dce2dadeecf4bfffb899446ebcfedc80313c66cea9203c586c75311fa3ee5ac69d1037321a15dd9d8b1a5c1e590d');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',6,'2026-11-16T08:20:00+07:00','lan','9533ad32-f2fb-44db-9b3c-7801598f9a22','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','0f126c16bbdd920a14fb184a0b404f38155806db496d8c273cc42faab62579ea','24e74dcc2f4283d3c702b0d4deb4a7627c32d9fe791fa1bc0b6e22adbe362706','b7c33421959f7506f648128eb30922b048647ce35e4c2fd11fd2c885825d2d1ed6cae93de8fe937df5204385473a8071c4037a401eda156cfe546bfc1508790e');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',7,'2026-11-16T09:00:00+07:00','lan','6ee518a2-cc11-4a92-a4c7-a7f046854150','handover','{"to":"Công chức Tư pháp"}','24e74dcc2f4283d3c702b0d4deb4a7627c32d9fe791fa1bc0b6e22adbe362706','fe3a7e4541091afd94759a646c67f4c20079f9f8b17d5a185977b94a01a3eb54','404d99186b088e61a45111d68219046073705d92d01dd26bef8e098288c87082ef58ccf1ce9734b1b1cc7cce828d175c61be0134f9df9a29d7a1d9e2660fe000');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"B6FB-0B47-C197-0FE7","number":"2","unit":"000.17.22.H56","station":"f81c77c5-f723-4ace-bf72-f04278f6f139","public":"0c9727c0353f42e9c9f205516fbbf9b4564335622661f6b6cfb62188e8614eaa"}','fe3a7e4541091afd94759a646c67f4c20079f9f8b17d5a185977b94a01a3eb54','73cb20e96ad264f1699cafc754e3bae8ce4c485f9506b4f1ec4e7e4cede53ca7','df922703fa30b0536f2dadc047d8296f87d08e6640d51eb51a98e1557778b0299ba10faead6595338d82776b5ebf4749bdc65f779a7eb4206e95684ea5dd2000');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.qIhBjV/card.motcua","events":"8"}','73cb20e96ad264f1699cafc754e3bae8ce4c485f9506b4f1ec4e7e4cede53ca7','4a70791346dd108b32debfaea4f4f344c77d17d14d855d7ca269b378a8fc7c6c','ce8884842e7976d22b5f56044d8492ddf8e307db0c5943f83a97333665bb4954cd1573132c4a68af88625a008f3655e7fb6fa323ea011ad8316177d4a41a3603');
INSERT INTO event VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','1b253afcdb6f7b6dcbdba3882920a26d9e149c80bc863f44b3be9452d6385218','16cda1cc6c72000d78630759f79aa02aae0f1ce19a473a7283e35359751fe38b549a596cbe7259a381ff21951139a1fcff06cf155e230183e1a3d2b9dcfb360e');
INSERT INTO event VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','1b253afcdb6f7b6dcbdba3882920a26d9e149c80bc863f44b3be9452d6385218','867ce9816d5e19df57c6a5194cd43c0149ed5c772862953d72d49c83b38869de','d39143233b6fbf472e8c1738519dd2379ba56f4026601483d453150bd119b527fd96b73b770dbae078c0ebfda03944e0bdd1d00a9580fb071e013227fb022407');
INSERT INTO event VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-018/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','867ce9816d5e19df57c6a5194cd43c0149ed5c772862953d72d49c83b38869de','c9b284ac4dfa376545cbdff6b1404ea3560dee68674de4ae7d82607d77159609','0d8962347c168734c8ca8d2e05370598f74013898276f4bf5ed4ae31db05c0f73c254d2774acf6ebbde3cd2471527c7ddc3ea63618af224c52f00ed70772ff0e');
INSERT INTO event VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139',4,'2026-11-16T08:30:00+07:00','lan','d3ff3dcf-d183-47e1-8a43-4fc69385f518','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','c9b284ac4dfa376545cbdff6b1404ea3560dee68674de4ae7d82607d77159609','7118535f3242f200e12d55c64debfad2353d4054fef363128f2dce4f58b22749','c8b75b8d734fc07fc354265dab6e403a43ceb9c66e5c892c662080111175209a2080dc2ed372033df9d14b73bdca7d52bbb321e120b357a043b5f2a08b63ec0d');
INSERT INTO event VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.qIhBjV/card.motcua","events":"4"}','7118535f3242f200e12d55c64debfad2353d4054fef363128f2dce4f58b22749','b7f6087e2050ee23a835a970846683ce6105ce6d929c9412f29bfeeda64e600a','6d832e47c5439e8ec0a829f294d8d4ecb388cdd6d198a53925f06985066abaa1e079a1e5532591da8bb16025b702d743e09862b8c5351743a27b02369480940a');
INSERT INTO event VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"E730-67BA-166D-384D","number":"1","unit":"000.17.22.H56","station":"b44186ce-124a-4dbc-b019-073353523afb","public":"0b70575ac5003dd49dd3fa2cbe2438a2bf406e7193615c8b151d98415262e83b"}','b7f6087e2050ee23a835a970846683ce6105ce6d929c9412f29bfeeda64e600a','bdcb638147fd5a24fdbf6b3959d80c71eff21e2b36617eae3f2456417f3cc06d','041a969e3c89bf24e814f710c5c16f1ede09d408ba169f329c99ef88926e15ac5655f4bdbf8fa6df45aad0db9ab29525e7be2e6bd26bba167b71658994b62b02');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.qIhBjV/b.motcua","events":"6","sender":"f81c77c5-f723-4ace-bf72-f04278f6f139"}','4a70791346dd108b32debfaea4f4f344c77d17d14d855d7ca269b378a8fc7c6c','9beabd912cee5f31cd9bafdbfacfef8830c86af11816e43d6e490fe9cd424e30','27dc32db432af8487cc39e72d0848c377e7a664b78ebcc24f3c33ff6babd63cf725dd6c7677ed625a110f7f114fcbfe04ef09f6f388285d9a6d2703f3a609c0d');
INSERT INTO event VALUES('b44186ce-124a-4dbc-b019-073353523afb',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.qIhBjV/a.motcua","events":"16"}','9beabd912cee5f31cd9bafdbfacfef8830c86af11816e43d6e490fe9cd424e30','5b0646290b67d09d7b1324429289bbbefacc6ff65cb53f8aed96288e9e2f329a','a37854e9558bfc2dc6e5c3bd82701db4a9c7200236146e7272d8369b8ccc108d80cd6c35f66e569d3f5abc3a96948b21d05b8bb5905f48ceeb8063c346d17f0b');
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
, address_fold TEXT, appointment TEXT, handler TEXT, agency TEXT, paused_from TEXT, paused_at TEXT, paused_days INTEGER NOT NULL DEFAULT 0, result TEXT, result_reason TEXT, result_at TEXT, returned_at TEXT, collector TEXT, collector_id TEXT, rating TEXT, closed_reason TEXT, closed_at TEXT, apologies INTEGER NOT NULL DEFAULT 0, channel TEXT NOT NULL DEFAULT 'direct'
	CHECK (channel IN ('direct', 'post', 'online')), book TEXT, book_no INTEGER CHECK (book_no IS NULL OR book_no >= 1), decided_by TEXT, routing TEXT NOT NULL DEFAULT 'decide'
	CHECK (routing IN ('decide', 'forward'))) STRICT;
INSERT INTO dossier VALUES('16b67d9f-7ebe-49a2-abea-c1ac714db414','000.17.22.H56-261116-1002','b44186ce-124a-4dbc-b019-073353523afb','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2,NULL,'decide');
INSERT INTO dossier VALUES('9533ad32-f2fb-44db-9b3c-7801598f9a22','000.17.22.H56-261116-1003','b44186ce-124a-4dbc-b019-073353523afb','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3,NULL,'decide');
INSERT INTO dossier VALUES('6ee518a2-cc11-4a92-a4c7-a7f046854150','000.17.22.H56-261116-1001','b44186ce-124a-4dbc-b019-073353523afb','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1,NULL,'decide');
INSERT INTO dossier VALUES('d3ff3dcf-d183-47e1-8a43-4fc69385f518','000.17.22.H56-261116-2001','f81c77c5-f723-4ace-bf72-f04278f6f139','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1,NULL,'decide');
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
, decided_by TEXT
	CHECK (decided_by IS NULL OR length(decided_by) > 0), routing TEXT NOT NULL DEFAULT 'decide'
	CHECK (routing IN ('decide', 'forward'))) STRICT;
INSERT INTO procedure VALUES('1.001193',1,'Thủ tục đăng ký khai sinh','Hộ tịch','commune','same day',0,'Miễn lệ phí khi đăng ký đúng hạn','Kết quả Thủ tục đăng ký khai sinh','Luật Hộ tịch số 60/2014/QH13',NULL,NULL,1,'thu tuc dang ky khai sinh','ho tich',NULL,'decide');
INSERT INTO procedure VALUES('2.000815',2,'Chứng thực bản sao từ bản chính','Chứng thực','commune','same day',2000,NULL,'Kết quả Chứng thực bản sao từ bản chính','Nghị định số 23/2015/NĐ-CP',NULL,NULL,1,'chung thuc ban sao tu ban chinh','chung thuc',NULL,'decide');
INSERT INTO procedure VALUES('1.004873',3,'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân','Hộ tịch','commune','3 days',15000,NULL,'Kết quả Thủ tục cấp Giấy xác nhận tình trạng hôn nhân','Luật Hộ tịch số 60/2014/QH13','2016-01-01',NULL,1,'thu tuc cap giay xac nhan tinh trang hon nhan','ho tich',NULL,'decide');
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
INSERT INTO name_word VALUES('hai','16b67d9f-7ebe-49a2-abea-c1ac714db414');
INSERT INTO name_word VALUES('pham','16b67d9f-7ebe-49a2-abea-c1ac714db414');
INSERT INTO name_word VALUES('thi','16b67d9f-7ebe-49a2-abea-c1ac714db414');
INSERT INTO name_word VALUES('le','6ee518a2-cc11-4a92-a4c7-a7f046854150');
INSERT INTO name_word VALUES('mot','6ee518a2-cc11-4a92-a4c7-a7f046854150');
INSERT INTO name_word VALUES('van','6ee518a2-cc11-4a92-a4c7-a7f046854150');
INSERT INTO name_word VALUES('ba','9533ad32-f2fb-44db-9b3c-7801598f9a22');
INSERT INTO name_word VALUES('hoang','9533ad32-f2fb-44db-9b3c-7801598f9a22');
INSERT INTO name_word VALUES('van','9533ad32-f2fb-44db-9b3c-7801598f9a22');
INSERT INTO name_word VALUES('bon','d3ff3dcf-d183-47e1-8a43-4fc69385f518');
INSERT INTO name_word VALUES('thi','d3ff3dcf-d183-47e1-8a43-4fc69385f518');
INSERT INTO name_word VALUES('tran','d3ff3dcf-d183-47e1-8a43-4fc69385f518');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139','000.17.22.H56',2,'{"f81c77c5-f723-4ace-bf72-f04278f6f139":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=65536,t=2,p=1$82Bvcs3onWFZF7i/d8G2kQ$/HYJGS5CuGjqg1pZnND1V8MMEeItImx9+4FGXhhu57Y',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=65536,t=2,p=1$Aa6uZ28aXxIV3rSPrZZLeg$onApat3C97zhAl5sFYSKF9xh7/EHfZOr6xi0XC+njz0',0,0,NULL);
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
	abolished       TEXT, decided_by TEXT, routing TEXT NOT NULL DEFAULT 'decide'
	CHECK (routing IN ('decide', 'forward')),               -- YYYY-MM-DD or NULL
	PRIMARY KEY (procedure_code, revision)
) STRICT;
CREATE TABLE station_key (
	id     INTEGER PRIMARY KEY CHECK (id = 1),
	public TEXT NOT NULL CHECK (length(public) = 64),
	secret TEXT NOT NULL CHECK (length(secret) = 128),
	made   TEXT NOT NULL
) STRICT;
INSERT INTO station_key VALUES(1,'0b70575ac5003dd49dd3fa2cbe2438a2bf406e7193615c8b151d98415262e83b','d0a8b769af90d34d4eb74bc6eec2abace04200ff64192d50e45d5e60649f27720b70575ac5003dd49dd3fa2cbe2438a2bf406e7193615c8b151d98415262e83b','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139','0c9727c0353f42e9c9f205516fbbf9b4564335622661f6b6cfb62188e8614eaa','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
CREATE TABLE logbook_legacy (
	dossier TEXT PRIMARY KEY,
	book    TEXT NOT NULL,
	book_no INTEGER NOT NULL CHECK (book_no >= 1)
) STRICT;
CREATE TABLE procedure_use (
	station        TEXT NOT NULL,
	procedure_code TEXT NOT NULL,
	uses           INTEGER NOT NULL CHECK (uses >= 0),
	PRIMARY KEY (station, procedure_code)
) STRICT, WITHOUT ROWID;
INSERT INTO procedure_use VALUES('b44186ce-124a-4dbc-b019-073353523afb','1.001193',3);
INSERT INTO procedure_use VALUES('f81c77c5-f723-4ace-bf72-f04278f6f139','1.001193',1);
CREATE TABLE picker_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  INTEGER NOT NULL
) STRICT;
INSERT INTO picker_version VALUES(1,8);
CREATE TABLE report_agg (
	what  TEXT NOT NULL,   -- the figure's name (received, leave, prog, …)
	day   TEXT NOT NULL,   -- YYYY-MM-DD, or 9999-12-31: not ended
	field TEXT NOT NULL,   -- the procedure's field (rated_by: the officer)
	body  TEXT NOT NULL,   -- the deciding body, '' for the unit itself
	sub   TEXT NOT NULL,   -- what the figure needs beyond its day
	n     INTEGER NOT NULL,
	PRIMARY KEY (what, day, field, body, sub)
) STRICT, WITHOUT ROWID;
INSERT INTO report_agg VALUES('due','2026-11-16','','','',4);
INSERT INTO report_agg VALUES('leave','9999-12-31','Hộ tịch','','',4);
INSERT INTO report_agg VALUES('prog','9999-12-31','Hộ tịch','','9999-12-31',4);
INSERT INTO report_agg VALUES('prog_from','2026-11-16','Hộ tịch','','9999-12-31',4);
INSERT INTO report_agg VALUES('received','2026-11-16','Hộ tịch','','',4);
INSERT INTO report_agg VALUES('within','2026-11-16','Hộ tịch','','9999-12-31',4);
CREATE TABLE report_agg_event (
	dossier TEXT NOT NULL,
	what    TEXT NOT NULL,
	day     TEXT NOT NULL,
	field   TEXT NOT NULL,
	body    TEXT NOT NULL,
	sub     TEXT NOT NULL,
	n       INTEGER NOT NULL,
	PRIMARY KEY (dossier, what, day, field, body, sub)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX station_self ON station(self) WHERE self = 1;
CREATE INDEX event_dossier ON event(dossier);
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
BEGIN
	SELECT RAISE(ABORT, 'events are append-only: an event cannot be deleted');
END;
CREATE INDEX dossier_due ON dossier(status, due);
CREATE INDEX dossier_applicant ON dossier(applicant_id);
CREATE INDEX dossier_name ON dossier(name_fold);
CREATE INDEX procedure_order ON procedure(position, code);
CREATE INDEX calendar_day_year ON calendar_day(year);
CREATE INDEX dossier_address ON dossier(address_fold);
CREATE INDEX dossier_phone ON dossier(phone);
CREATE INDEX dossier_appointment ON dossier(status, appointment);
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
CREATE UNIQUE INDEX dossier_book ON dossier(station, book, book_no);
CREATE TRIGGER procedure_insert_picker AFTER INSERT ON procedure
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER procedure_update_picker AFTER UPDATE ON procedure
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER procedure_delete_picker AFTER DELETE ON procedure
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER procedure_use_insert_picker AFTER INSERT ON procedure_use
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER procedure_use_update_picker AFTER UPDATE ON procedure_use
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE TRIGGER procedure_use_delete_picker AFTER DELETE ON procedure_use
BEGIN
	UPDATE picker_version SET n = n + 1;
END;
CREATE INDEX dossier_board ON dossier(appointment, status)
	WHERE status IN ('received', 'processing', 'transferred');
COMMIT;
PRAGMA user_version = 18;
PRAGMA application_id = 1296258369;
