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
INSERT INTO meta VALUES('station_id','5c3dfe21-013a-44f2-8b30-95519ba0c9cf');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:5c3dfe21-013a-44f2-8b30-95519ba0c9cf','11');
INSERT INTO meta VALUES('own_seq_high:5c3dfe21-013a-44f2-8b30-95519ba0c9cf:at','2026-11-16T09:40:00+07:00');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:5c3dfe21-013a-44f2-8b30-95519ba0c9cf:01/2026','3');
INSERT INTO meta VALUES('book_high:81dad403-099a-409c-aa12-78e273effa50:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','51814dc46b87958b4bf17643668e6c45e8abc00223aeb60ed6586c766bb3a266','9fec788d22ecd4be449063e459c436301b75c3915df00a01c377dcd24625d537396586b0512ac1cd8222fda895075c67c49775ba0712f6f365b9e038df117b08');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','51814dc46b87958b4bf17643668e6c45e8abc00223aeb60ed6586c766bb3a266','5b0ad852ec308c70a3b14b58e0ceb943b609b8e8bd4b30e85b2539b1e0f61a58','6feb3cbfa3a7853894f911473d48e3a590e8bb1f54d2ee82c050723865ed3ad83276eac7c9470570905623a2e4b404dad2343626af771572a00be3ce670d3e04');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-022/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','5b0ad852ec308c70a3b14b58e0ceb943b609b8e8bd4b30e85b2539b1e0f61a58','d8fcef5cb787f553ebb9f757dc71221111371d8585471ad14c9e383cda41fdd4','6a65c67d315cd73c3ef921a7545ae579260e501f6cd8f5c01694875d799c7e34d75114820df0940bf28a4e751b13ab5a2c8230479756d651009759380e1c5109');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',4,'2026-11-16T08:00:00+07:00','lan','6e291409-6d23-418d-89e5-d476d9d02089','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','d8fcef5cb787f553ebb9f757dc71221111371d8585471ad14c9e383cda41fdd4','c80414f9739f0a147f4a6ce1294761a54aaf0fdc7c30628fc5d8beaac77c38ef','35c447a0c732e410f262a08da111013d27f7074f417961fc3929c3819c367595bafa0252f71e61a157d1b7bfc08c1e008db0169d386f3acdab3427bd31816b09');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',5,'2026-11-16T08:10:00+07:00','lan','c768b138-d2b6-41fa-94a2-d8b4abd443dd','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','c80414f9739f0a147f4a6ce1294761a54aaf0fdc7c30628fc5d8beaac77c38ef','3bfed2dfd43fce92dd8dda6e63614fddac590ee73e71b9c02ba17bd2d7d7bd52','b064943ce440960b06806dae8a79099c4f6a0a9cfb59099626b2e7eeae6f84901bff985df9809ae34aa46f1ca8dc38b7a54b3659dfee450b7a31169eedfffd07');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',6,'2026-11-16T08:20:00+07:00','lan','afcfe2e6-77eb-4a5d-a6a7-daf1a0cce5ef','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','3bfed2dfd43fce92dd8dda6e63614fddac590ee73e71b9c02ba17bd2d7d7bd52','770f2586d33585d3fd52ce19e718a0dfafc288162c34d0f1ba5b389b4eaf005d','2c45992ee3d3e153359ff0be235c1586e7919aa15196e0f5531bf3f56d769fa776d841c44c8d1d4b4ca870516c2cf29fdf0b3828ff9a984a61c417733d5ae505');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',7,'2026-11-16T09:00:00+07:00','lan','6e291409-6d23-418d-89e5-d476d9d02089','handover','{"to":"Công chức Tư pháp"}','770f2586d33585d3fd52ce19e718a0dfafc288162c34d0f1ba5b389b4eaf005d','50915102dc6d09f7e9ea4fce8ac33317d1fc99b8c250b74e395d46c336ea09dd','a8b40f92bf40f65c1322339e77be8535fb2e9c6dc12ae76923e0cb768e156eb23cf683cd3566feb6d5be5f62df6f98ad62c85006ee8890acf0a3cc7e0772590b');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"CD3E-62A9-996D-10B3","number":"2","unit":"000.17.22.H56","station":"81dad403-099a-409c-aa12-78e273effa50","public":"f12eefcd432da74c8ce044dc0369eacd4de4aec4cbf27420441061e60f1c02bd"}','50915102dc6d09f7e9ea4fce8ac33317d1fc99b8c250b74e395d46c336ea09dd','7a1d0ceed36cacab38bd62428c85975451d2cea22541913e52a305230ae3ee61','a38808811464a1aa975d6e237bc9b06001a564f9b832e0210a3f959331fa42332a1cc833de470c6e5ff48ef2001134f6347d20356c19381e92ac7499d5c25f02');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.RvYSFn/card.motcua","events":"8"}','7a1d0ceed36cacab38bd62428c85975451d2cea22541913e52a305230ae3ee61','2868568a8786d9f4e52f461fe21afbfe29edeedf0c5e3eabb0885a4dc1becd49','980ff068eeece11fa794bfc824ec67f82ce7ba3cef3f01ec373f4628381902c406ab07ede9a4fa444615d85290a68cc2505434d650dc4ce3b66d85d3b8e02102');
INSERT INTO event VALUES('81dad403-099a-409c-aa12-78e273effa50',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','a4c7651c4e6ce9475313cd869abc5f8a8c184a690b07cec52b22266b16c0b13d','f074466294ccb4ef671fb421eef280ae5e14c497340a020120df0b40073cb0ee021ec03377c8384a21ae17c796b00af775cfedc5964546158f479fe769b5750a');
INSERT INTO event VALUES('81dad403-099a-409c-aa12-78e273effa50',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','a4c7651c4e6ce9475313cd869abc5f8a8c184a690b07cec52b22266b16c0b13d','2a201c9e010d5b8e9f4a1e2f61868ddd947ea37203147bd103083c1397e47ba6','1c0dbbb0a5e94428a1d90807f6adb8ea6b53ca888192df4922be7862ddb1156559f2ea523ecfd3595c48afeec781b0fbbc4e26529be8bca9ca4b37ead90c4e0f');
INSERT INTO event VALUES('81dad403-099a-409c-aa12-78e273effa50',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-022/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','2a201c9e010d5b8e9f4a1e2f61868ddd947ea37203147bd103083c1397e47ba6','f8fd27b6508ef9a3571ed52efe816d59bb2e5e604d4486a383498e9eddf62699','e9ef36e6daafa25bb982c2f28ac91a5d4a80e751c37e3a15ad2927a98c50938759d10e1c6df56bb4ca8a07a9ad086552efff812b2ad86bdbd49a7314d01e040d');
INSERT INTO event VALUES('81dad403-099a-409c-aa12-78e273effa50',4,'2026-11-16T08:30:00+07:00','lan','90effa1c-1a43-4d0e-a4fc-19c08158b024','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','f8fd27b6508ef9a3571ed52efe816d59bb2e5e604d4486a383498e9eddf62699','197e5943c794235df3303e87e1c9bbdab1bdc25f444da8e1f14eee31e8e356e3','f776863b5813736fe9c94309a210cc0e6e7b2a101160a211fcd230dfdf51290b23f628923486eb5ff60a5d28def094f7010bc67c237cf7ab33107ff61f213904');
INSERT INTO event VALUES('81dad403-099a-409c-aa12-78e273effa50',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.RvYSFn/card.motcua","events":"4"}','197e5943c794235df3303e87e1c9bbdab1bdc25f444da8e1f14eee31e8e356e3','7c3ad423efd580d34accb3cc64cae90d2b1330fa660663fd21be6069de233c7d','70a8cc78de4b33e8e743bd4e9c46dfc2a9779f004776c2a791dafecca6c06209b65fea2c3d618da5cbe90f2ea17051536fdf897e7e2452e16eadc76d64f02905');
INSERT INTO event VALUES('81dad403-099a-409c-aa12-78e273effa50',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"CDFC-6E41-D38C-7BFB","number":"1","unit":"000.17.22.H56","station":"5c3dfe21-013a-44f2-8b30-95519ba0c9cf","public":"2ce313f24716b5c4808e40fd6d052944d26e6fb9bc57faedfb93f0e76e4d277b"}','7c3ad423efd580d34accb3cc64cae90d2b1330fa660663fd21be6069de233c7d','d53e66abda7a16e4914e773d1805570eb78fba6399966ecbf97929bed55be94c','2ba3c073d6f13fad3bdc2b5480fe441125c6f86b6ac142ae159198bace769659689d52a6cd36c01456dba0059839faee00a75c77775c7496a3725d505f6fc40d');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.RvYSFn/b.motcua","events":"6","sender":"81dad403-099a-409c-aa12-78e273effa50"}','2868568a8786d9f4e52f461fe21afbfe29edeedf0c5e3eabb0885a4dc1becd49','ca51831ea103d4ebbb6dccc9293695c0357dd5be280571f5fc9e3d546c62e430','529975a291b6fd47b8a282fa42db18d47ba0bb4c7e2f9288910bf52fd9a5549d5be4b12bca38846f25ace05c7c22f609dfd97eed9ba649e7e1ba6e319a46b309');
INSERT INTO event VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.RvYSFn/a.motcua","events":"16"}','ca51831ea103d4ebbb6dccc9293695c0357dd5be280571f5fc9e3d546c62e430','b032b3beb77fa5a2faa7a84d38b869efd67f58158893adc7d0bdc0594ff05bc9','ca3e6101df8ee96028eb55b5d5b2454790156a82a22e0c4490a4461b612f323611117f6a9a60cadd326e4c83dc560f4aa5c5766657cb2704a3ed4fa6f478e806');
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
INSERT INTO dossier VALUES('c768b138-d2b6-41fa-94a2-d8b4abd443dd','000.17.22.H56-261116-1002','5c3dfe21-013a-44f2-8b30-95519ba0c9cf','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2,NULL,'decide');
INSERT INTO dossier VALUES('afcfe2e6-77eb-4a5d-a6a7-daf1a0cce5ef','000.17.22.H56-261116-1003','5c3dfe21-013a-44f2-8b30-95519ba0c9cf','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3,NULL,'decide');
INSERT INTO dossier VALUES('6e291409-6d23-418d-89e5-d476d9d02089','000.17.22.H56-261116-1001','5c3dfe21-013a-44f2-8b30-95519ba0c9cf','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1,NULL,'decide');
INSERT INTO dossier VALUES('90effa1c-1a43-4d0e-a4fc-19c08158b024','000.17.22.H56-261116-2001','81dad403-099a-409c-aa12-78e273effa50','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1,NULL,'decide');
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
INSERT INTO name_word VALUES('le','6e291409-6d23-418d-89e5-d476d9d02089');
INSERT INTO name_word VALUES('mot','6e291409-6d23-418d-89e5-d476d9d02089');
INSERT INTO name_word VALUES('van','6e291409-6d23-418d-89e5-d476d9d02089');
INSERT INTO name_word VALUES('bon','90effa1c-1a43-4d0e-a4fc-19c08158b024');
INSERT INTO name_word VALUES('thi','90effa1c-1a43-4d0e-a4fc-19c08158b024');
INSERT INTO name_word VALUES('tran','90effa1c-1a43-4d0e-a4fc-19c08158b024');
INSERT INTO name_word VALUES('ba','afcfe2e6-77eb-4a5d-a6a7-daf1a0cce5ef');
INSERT INTO name_word VALUES('hoang','afcfe2e6-77eb-4a5d-a6a7-daf1a0cce5ef');
INSERT INTO name_word VALUES('van','afcfe2e6-77eb-4a5d-a6a7-daf1a0cce5ef');
INSERT INTO name_word VALUES('hai','c768b138-d2b6-41fa-94a2-d8b4abd443dd');
INSERT INTO name_word VALUES('pham','c768b138-d2b6-41fa-94a2-d8b4abd443dd');
INSERT INTO name_word VALUES('thi','c768b138-d2b6-41fa-94a2-d8b4abd443dd');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('81dad403-099a-409c-aa12-78e273effa50','000.17.22.H56',2,'{"81dad403-099a-409c-aa12-78e273effa50":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=7168,t=5,p=1$Cc129APQ5MdRi5YwAbuDTg$si9w7daqUzXWbbbSOyAzM4wdvuXODXb1hA/8rIRhyRk',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=7168,t=5,p=1$FSsy4FVqCIdqiuPS/Kt6WQ$FuFxKrZuoTLKgylkaVy6KJyKXiISZkd9QrfNccNLdxE',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'2ce313f24716b5c4808e40fd6d052944d26e6fb9bc57faedfb93f0e76e4d277b','bfe1557bbc8ffdf35fe30b7e8245efda415a9fba276426b5d1867140f0b254d32ce313f24716b5c4808e40fd6d052944d26e6fb9bc57faedfb93f0e76e4d277b','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('81dad403-099a-409c-aa12-78e273effa50','f12eefcd432da74c8ce044dc0369eacd4de4aec4cbf27420441061e60f1c02bd','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
INSERT INTO procedure_use VALUES('5c3dfe21-013a-44f2-8b30-95519ba0c9cf','1.001193',3);
INSERT INTO procedure_use VALUES('81dad403-099a-409c-aa12-78e273effa50','1.001193',1);
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
CREATE TABLE dossier_file (
	origin   TEXT NOT NULL,      -- the event's station and number
	seq      INTEGER NOT NULL,
	dossier  TEXT NOT NULL,      -- dossier.id
	document INTEGER,            -- position in the dossier's documents, NULL: the whole
	doc_name TEXT,               -- that document's name, as the receipt recorded it
	result   INTEGER NOT NULL,   -- 1: the result returned to the citizen
	sha256   TEXT NOT NULL,      -- 64 lowercase hex digits
	type     TEXT NOT NULL,      -- pdf | jpeg | png | tiff
	pages    INTEGER NOT NULL,
	bytes    INTEGER NOT NULL,
	source   TEXT NOT NULL,      -- scan | attach
	name     TEXT NOT NULL,      -- the original base name
	at       TEXT NOT NULL,      -- the event's time
	officer  TEXT NOT NULL,
	PRIMARY KEY (origin, seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE file_blob (
	sha256 TEXT PRIMARY KEY,
	data   BLOB NOT NULL
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
CREATE INDEX dossier_file_dossier ON dossier_file(dossier, at, origin, seq);
CREATE INDEX dossier_file_sha ON dossier_file(sha256);
CREATE INDEX dossier_code_tail ON dossier(substr(code, -4), received);
COMMIT;
PRAGMA user_version = 22;
PRAGMA application_id = 1296258369;
