PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('unit_code','000.17.22.H56');
INSERT INTO meta VALUES('unit_name','UBND xã Mỹ An');
INSERT INTO meta VALUES('unit_address','');
INSERT INTO meta VALUES('station_id','d4105139-7198-4d24-9461-674747faad95');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:d4105139-7198-4d24-9461-674747faad95','11');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:d4105139-7198-4d24-9461-674747faad95:01/2026','3');
INSERT INTO meta VALUES('book_high:66e2e5c3-91f1-4534-9ba3-f73f97bc20aa:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('d4105139-7198-4d24-9461-674747faad95',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','84f0bb801231a317082e25d21bb5f22e7c62b0974b089a87ba34539a239fafca','47b0d67c49c16e2cabcb5a827e6f75e1c3203483beb73d8cbbd6f100be25ad7fafb60ff9e6d0f46cbf5f72cd8e59aabd295dcbac5373934d5ce7631f3de7fd06');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','84f0bb801231a317082e25d21bb5f22e7c62b0974b089a87ba34539a239fafca','c9388a571cd6e731b612bd596b5d0855cdd9190a2d9d937a8cc58fec50a3912f','8dc79672d3c94b7359e5b833be010b23e39ac5432c47d0f68194d4062b4f1ac7f392f6011fe34c245a3bf375eda7ce428388c8c55b120b091fbf27d51d4c4b06');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-013/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','c9388a571cd6e731b612bd596b5d0855cdd9190a2d9d937a8cc58fec50a3912f','f8f555cf9b130c684f60111156a8741d394516f4bc38e445a0ce659385bb56eb','63e359fdb138c1b3e2150cca70f1b4f3d62d6d650ab4ae6af5a43a828e02581fbd8b3d3d5ed48463b4796babc357222690f57bc4b979af4347e27b355ffde601');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',4,'2026-11-16T08:00:00+07:00','lan','a8ead450-027e-47bd-be02-b70b11ce855a','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','f8f555cf9b130c684f60111156a8741d394516f4bc38e445a0ce659385bb56eb','1f30542f403416e5054d78246d08ec4a95cdccb14a14d57277bd7ad5edb458b6','88f4e6ce9e8c0af260145d6e35d4e77ca955de1241bee7c00fd3cba6bd1088bb8216db29712858f37828a1f3793bb2f2cb564c057e00a9b903abea7cd2cc1409');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',5,'2026-11-16T08:10:00+07:00','lan','014da833-bd4d-4e39-b2db-538e7a6cab38','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','1f30542f403416e5054d78246d08ec4a95cdccb14a14d57277bd7ad5edb458b6','91c94ea5ebcce0ae3c9a0e4d8128240544e6abba3d7bd9bfd2761acd1b4bdab3','380f04ab4f8354e20a01e731b571f6ac444e928da085dd6751aaf0a1c9b144d473434448706f28605dfa38a03d38e3e7a8d891d1d6b68b655c69e35f5163990d');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',6,'2026-11-16T08:20:00+07:00','lan','80b8c081-51a3-43e9-b398-72027e5a7ca7','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','91c94ea5ebcce0ae3c9a0e4d8128240544e6abba3d7bd9bfd2761acd1b4bdab3','28e9e7977c271d171692346ef9ee2b786f415ec2b7e877369143ea5caf897162','8f5d48809bea805da53434dab3428f1e7c7affd77c3fdfba681e594d106a7198535162acb0c55a9fd08abf5c365693c7a9d39fffa80e1e661ecac809a6bd530b');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',7,'2026-11-16T09:00:00+07:00','lan','a8ead450-027e-47bd-be02-b70b11ce855a','handover','{"to":"Công chức Tư pháp"}','28e9e7977c271d171692346ef9ee2b786f415ec2b7e877369143ea5caf897162','17c7f9524be0d2c92c704c25ba090cf31eaab36baf4910c0e06d224ed0a21d09','32a0105c64d0bcde291131f0d35dbaafce5cf94bc1be77495c1c3395a467078af2c7c18305ae06693aaddc2bf083f1f93f37b16446775195f05713a38bdd670f');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"96E3-653A-81C8-7CCF","number":"2","unit":"000.17.22.H56","station":"66e2e5c3-91f1-4534-9ba3-f73f97bc20aa","public":"8ddf0e513fd22f36dbe65574b9d7a0e1d7daed419ba394a11e0aa72d24e027e1"}','17c7f9524be0d2c92c704c25ba090cf31eaab36baf4910c0e06d224ed0a21d09','00b5c60fec5b89ff0cf11762ef0a3950401b739375915b144db704597dd7c5a9','a4c4d17171bcc641b340b2d6def658b7493983ea9aaf724951929de29a7eb89715394e47c7081fda5c64474ff90ec5e7a40a0b77df5c4775fa5df89c24adff07');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.n3A6MJ/card.motcua","events":"8"}','00b5c60fec5b89ff0cf11762ef0a3950401b739375915b144db704597dd7c5a9','9c406b369a379afc74113425d9344111e5ba0698ce3d4473173c41c7413bbced','d57565a07b3c3644a34338f459a3a30e4ab786342607509106afbfee65e6d66f214720e7970014cc9112fd13cca7c98b3493552a24012bc185fbae103fa5ab0f');
INSERT INTO event VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','15dba11c254bf683bc175fc43305d5c7b9133902cdab70c9c448f4f9271f2b0f','121fb0795162219a9ca47ced3e457ee612a7cbbb99e8e4e606e9bba395372da6fd40f0d3fd2d74cb9037539f83e38e1b587bda1cadd61db4df6516361299b40e');
INSERT INTO event VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','15dba11c254bf683bc175fc43305d5c7b9133902cdab70c9c448f4f9271f2b0f','2df4541fdec17a076c6c373f4cd350526cab59c0e0dde42a755ac5167dfb39e7','8f96f3078983f7dd76836f11ac153bfc641d2cc7eaf1afa939c9c179b8037ea56fe59c1762ead56444f56da3a85427e2dee1541e707ed18659218b5ce2cff10c');
INSERT INTO event VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-013/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','2df4541fdec17a076c6c373f4cd350526cab59c0e0dde42a755ac5167dfb39e7','3237074bddfec329f5695caf667d2d4be7eeb87a1eb7c727bcb000d8796da1bf','3c74d577626f165aa9bc77a70c83fea5228ae6e7c2bac733d943f822661a34294de15d47e29c6ba5ff5f593ac8885070a9a8bbabf9862610ce19b39c401d7804');
INSERT INTO event VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa',4,'2026-11-16T08:30:00+07:00','lan','7ade806e-2ccd-494f-a526-1896de745c7d','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','3237074bddfec329f5695caf667d2d4be7eeb87a1eb7c727bcb000d8796da1bf','55d25b8b9631ed0f37ffb6a89461491002a2a8c6808d50b141237df2c857d71f','b4b0b24bd6a1577161aa27de0e3526a3223ffbeb4fa1ed721979cd710c34c13ddb22d42e31cdf73d9df9504697b4da6d13ecb071a2e6af802487321d2d2d4e0a');
INSERT INTO event VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.n3A6MJ/card.motcua","events":"4"}','55d25b8b9631ed0f37ffb6a89461491002a2a8c6808d50b141237df2c857d71f','6df08a49a541384a97b40f5f0a88c9d96687eefd063341b9f278908ad17f2b2d','182f711fdd31b8d55e01f948c67acf1aefe176767e666f876e532934a15f4616529737d24418aedee81bb87087d645dec97b96a05e9baba529d17360d8ce1f08');
INSERT INTO event VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"6FD2-FB25-ABC4-98F3","number":"1","unit":"000.17.22.H56","station":"d4105139-7198-4d24-9461-674747faad95","public":"0b61857ad939f60f970bae6d9d88f8810883ee99558e622d367e556aaa2d990f"}','6df08a49a541384a97b40f5f0a88c9d96687eefd063341b9f278908ad17f2b2d','41df41983d0ebc76de4e0b9a485a7e54b5be3599a48ea8e17f7265b8eb5255cd','7f5fcf279b3ddb72f2c0da6c0fdf84a4c61067259666e8d53b180e19135a195ca364d7f10843509beba79c5bbb1d42f6fe6088b4a1af48020e3b67e66dd32904');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.n3A6MJ/b.motcua","events":"6","sender":"66e2e5c3-91f1-4534-9ba3-f73f97bc20aa"}','9c406b369a379afc74113425d9344111e5ba0698ce3d4473173c41c7413bbced','cac2b833dbef93818facb921684b371901ab8f08fc45472e43fabc0852559ca0','3c266884d2b08febc6f16daa8c046ba7df702ab0031b0fa861e2f41bf7a312fb44442ee05539ab9bb1b979e26462f69645ec7adbf03c23e8d44438f39b862907');
INSERT INTO event VALUES('d4105139-7198-4d24-9461-674747faad95',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.n3A6MJ/a.motcua","events":"16"}','cac2b833dbef93818facb921684b371901ab8f08fc45472e43fabc0852559ca0','6f266139cebc17ffbf1ad9190f4eae1540fddf3c5289deef4b12965272ce24b7','0357bf703ba6e4ddd5c629cc7efe3425f856e7238c2c2290c674b36728a0b2acf7a501df8f68f0689a278a9d437bdd43c8b1ca4b6c0fea900cf72cb07264af08');
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
	CHECK (channel IN ('direct', 'post', 'online')), book TEXT, book_no INTEGER CHECK (book_no IS NULL OR book_no >= 1)) STRICT;
INSERT INTO dossier VALUES('014da833-bd4d-4e39-b2db-538e7a6cab38','000.17.22.H56-261116-1002','d4105139-7198-4d24-9461-674747faad95','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2);
INSERT INTO dossier VALUES('80b8c081-51a3-43e9-b398-72027e5a7ca7','000.17.22.H56-261116-1003','d4105139-7198-4d24-9461-674747faad95','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3);
INSERT INTO dossier VALUES('a8ead450-027e-47bd-be02-b70b11ce855a','000.17.22.H56-261116-1001','d4105139-7198-4d24-9461-674747faad95','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1);
INSERT INTO dossier VALUES('7ade806e-2ccd-494f-a526-1896de745c7d','000.17.22.H56-261116-2001','66e2e5c3-91f1-4534-9ba3-f73f97bc20aa','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1);
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
INSERT INTO name_word VALUES('hai','014da833-bd4d-4e39-b2db-538e7a6cab38');
INSERT INTO name_word VALUES('pham','014da833-bd4d-4e39-b2db-538e7a6cab38');
INSERT INTO name_word VALUES('thi','014da833-bd4d-4e39-b2db-538e7a6cab38');
INSERT INTO name_word VALUES('bon','7ade806e-2ccd-494f-a526-1896de745c7d');
INSERT INTO name_word VALUES('thi','7ade806e-2ccd-494f-a526-1896de745c7d');
INSERT INTO name_word VALUES('tran','7ade806e-2ccd-494f-a526-1896de745c7d');
INSERT INTO name_word VALUES('ba','80b8c081-51a3-43e9-b398-72027e5a7ca7');
INSERT INTO name_word VALUES('hoang','80b8c081-51a3-43e9-b398-72027e5a7ca7');
INSERT INTO name_word VALUES('van','80b8c081-51a3-43e9-b398-72027e5a7ca7');
INSERT INTO name_word VALUES('le','a8ead450-027e-47bd-be02-b70b11ce855a');
INSERT INTO name_word VALUES('mot','a8ead450-027e-47bd-be02-b70b11ce855a');
INSERT INTO name_word VALUES('van','a8ead450-027e-47bd-be02-b70b11ce855a');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa','000.17.22.H56',2,'{"66e2e5c3-91f1-4534-9ba3-f73f97bc20aa":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=65536,t=2,p=1$uazMF0jfKulugdTTcw2GQA$lAiPJiXKNDneqSIEIFuDMOrKvyz3DJGJ0ndornESwkg',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=65536,t=2,p=1$/SMRTD87D9sJeONKI0wsXA$ZuDL5Vl5NENp/reyupOXjorFuCU2vDEx+OZfm97nyQ8',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'0b61857ad939f60f970bae6d9d88f8810883ee99558e622d367e556aaa2d990f','45fcea9c26bf765e56a926b0c0f3dcfb280f9b43269011b2328364b9792de0050b61857ad939f60f970bae6d9d88f8810883ee99558e622d367e556aaa2d990f','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('66e2e5c3-91f1-4534-9ba3-f73f97bc20aa','8ddf0e513fd22f36dbe65574b9d7a0e1d7daed419ba394a11e0aa72d24e027e1','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
CREATE UNIQUE INDEX dossier_book ON dossier(station, book, book_no);
COMMIT;
PRAGMA user_version = 13;
PRAGMA application_id = 1296258369;
