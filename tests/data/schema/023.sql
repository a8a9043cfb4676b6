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
INSERT INTO meta VALUES('station_id','caa0b3c6-dd26-4797-aa4d-ecfb076843b3');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:caa0b3c6-dd26-4797-aa4d-ecfb076843b3','11');
INSERT INTO meta VALUES('own_seq_high:caa0b3c6-dd26-4797-aa4d-ecfb076843b3:at','2026-11-16T09:40:00+07:00');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:caa0b3c6-dd26-4797-aa4d-ecfb076843b3:01/2026','3');
INSERT INTO meta VALUES('book_high:0783eded-9e71-4aeb-a65d-dcbff0bd3252:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','0892853324166c947bfdc9ff5a90ad946590030506235e5794d496290dfc0499','4163555bac863853f4407a6088d0d9aa76601be5925630e33b8ba67152eccf9aecf08a4c336a05f0c8e3fcacd34f556265d2a271e136687df94c2c9e7084cd01');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','0892853324166c947bfdc9ff5a90ad946590030506235e5794d496290dfc0499','acc38fd1f9cd92887a7bd4bdfcd355c8496d96acbf34a6455cee0d2bdf25dcf3','87c550d8bc51c8a2928d7b61419b157a0b8b06682fa11def63cf401524558195114a75b3cae0725a4871d0c2279bca82f2da3a24b71f4ffa9338c8425c227e05');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/idx-rel-main/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','acc38fd1f9cd92887a7bd4bdfcd355c8496d96acbf34a6455cee0d2bdf25dcf3','de35a2cee21b059468e9bb18c82bb2728d20e1ef2f423f81086d8c574859625a','b1774c91e99d7754202a765e88573c66da65282c7951585345f9dce94f53445bf00650fd3997de81a051139fe3be3a5c1da188605a5110708f93984ad73c9e01');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',4,'2026-11-16T08:00:00+07:00','lan','27519885-d61a-4b43-b41d-08cf5c40d2d4','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','de35a2cee21b059468e9bb18c82bb2728d20e1ef2f423f81086d8c574859625a','ec0db93c9094849e9d7e58ece39a1a9adbdc50fdd3265e7ac4a28b0c0e613c75','6049bf608a90c74c4d35584c5e4b3668b28e88cc27f2c391216d8866282b0d176c40022e4c8453dfd31bf5e3c604ef29e170d4ebc2fb5e6f91fd0b971d4cbb06');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',5,'2026-11-16T08:10:00+07:00','lan','396b6ab5-7768-448b-8f09-13bbd65aa1c8','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','ec0db93c9094849e9d7e58ece39a1a9adbdc50fdd3265e7ac4a28b0c0e613c75','843a8bb432757d1fd599ad99a0d0ee52ce30220c1184d7007cb5051e0c2c1415','3486e75b96675820da4c57b6ba0a7c1de2eb1c45c1c96aa9021f716a77c906d59c3a1bc9e5cc61db101153c421685ec6f91fa5bd1ecb37920799ce59c14c7e06');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',6,'2026-11-16T08:20:00+07:00','lan','5448be31-5774-4c91-b8ce-2573f5da0d46','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','843a8bb432757d1fd599ad99a0d0ee52ce30220c1184d7007cb5051e0c2c1415','63aadb21ddf2a7aa514772e82905323780d44f9510cc5806921444887b0bf304','50ebdedf4982d37b4d2dd87877bb2c4ab999d52e365872208cdab6516eda996372e7f18e62b4d592d64dd4cd33140b9d89b5cf46df192751a63d10544ec69c07');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',7,'2026-11-16T09:00:00+07:00','lan','27519885-d61a-4b43-b41d-08cf5c40d2d4','handover','{"to":"Công chức Tư pháp"}','63aadb21ddf2a7aa514772e82905323780d44f9510cc5806921444887b0bf304','cc8246f47f737ff2b05ed7a8ffc2094dff9d09d37f689ee3dcd59f5249534671','0530b637eb7b8c793538da7584ee0f816e527e68ec63437f70850d9d73d459947cde99b2962e128462f2e291db9effb5d167baba3ad648068c0e1dea7f57df08');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"64C3-F2A3-6B16-1087","number":"2","unit":"000.17.22.H56","station":"0783eded-9e71-4aeb-a65d-dcbff0bd3252","public":"21978563f27e0d4a57b49ab5bddc7302a62eac4125b0a6a904a9259642ed06e9"}','cc8246f47f737ff2b05ed7a8ffc2094dff9d09d37f689ee3dcd59f5249534671','bc54cf7deadc7bd12ba272ed43b2b59e855f52e64bf7a8ae1fd8fc36c8304fcf','63841121aeec68573551f52499710d1a471081aa780885966e312d3bd0c14505421f4e4214f80e611cb69ee8560e8ae129466337d74faa216178bdabbc507700');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.7VZhdP/card.motcua","events":"8"}','bc54cf7deadc7bd12ba272ed43b2b59e855f52e64bf7a8ae1fd8fc36c8304fcf','60ac267a4beaeb0b7cb35e318dcd3cc2da0d4bb41264267b36fac16ed5910c05','675dd6bda00c52cacdeac931b6fd70ccfe97c9955e3510b07d883a8a0aac12dad45a3477a3ed01492eacab614ed4ee369f56a911f4ee5c497faf2d8e758b9c06');
INSERT INTO event VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','467e9fecef0b4f6c58bbb7fd5a448408c780da335fabf3c409613d84c1f9b307','084f36b494d2446f0567fb5da109772bfbdae728471ec601e91cf3c7280150b409aa917710e7d483c52d6e20228dcbe1caf8ed131dfc8a14d708e66f3c1ef10c');
INSERT INTO event VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','467e9fecef0b4f6c58bbb7fd5a448408c780da335fabf3c409613d84c1f9b307','9dd9ddf92713749cec2de5ed8579a46a74c2eb3cd3e14d199f5497ddd1548249','00cd2829e1a4bbb056f886cffa7146a82d0777ff3a55c41be7b52df19d47aa8d923cef01428ab584aebcd73b5491742f3eccadfce8272220fe9b65289ce5c504');
INSERT INTO event VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/idx-rel-main/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','9dd9ddf92713749cec2de5ed8579a46a74c2eb3cd3e14d199f5497ddd1548249','5bb5e3f54488fa2d1f9a3ede2b47b324e7cc5f3a2ec073e4dd19ebbbe10ebb00','53369f185dffd222590060ff7bc5dae94b4f8f61005c4e2f0dfb74287281a928e73ae1f4c0e483098befadabf07a719d9cd3029de0208a59601bd1fa01c7480e');
INSERT INTO event VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252',4,'2026-11-16T08:30:00+07:00','lan','05d0fe0a-45bb-4234-b3b8-81d7d414a933','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','5bb5e3f54488fa2d1f9a3ede2b47b324e7cc5f3a2ec073e4dd19ebbbe10ebb00','2c39fc20b0f6816f6b9a9c76c5a874c261dd2bd591c5c05f409d218e3e94203a','e1b41ff849bf367b994a161291baea7bffdbf2659aa21246d5bc4a962666922bfda80c59c4d70d652af9d9283572c5da8b9c76078190a6076da0f50167ee3403');
INSERT INTO event VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.7VZhdP/card.motcua","events":"4"}','2c39fc20b0f6816f6b9a9c76c5a874c261dd2bd591c5c05f409d218e3e94203a','3b8d4ac4e08a95232ea098ebbc84c915f53c633d1fb7f1de3783070a3e218404','64be7d49ee6b97665d19575e3c7be94dd1eb444098d5fda3801c91d15bdfb7e5aff42dc5657031ef617bf3e24572d3cb638b1af4015478b292bb795ec6166b0a');
INSERT INTO event VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"DFC3-D8CC-99A1-8110","number":"1","unit":"000.17.22.H56","station":"caa0b3c6-dd26-4797-aa4d-ecfb076843b3","public":"4bb9136d545497c4110b4028ea079c155ac9467584cd8234eb6a3a6cc97bf3de"}','3b8d4ac4e08a95232ea098ebbc84c915f53c633d1fb7f1de3783070a3e218404','cbe0e76cb30b8931cc44051fb4109d62dde5629aae5f468143f84fae62c67c04','e68274b3e5c8545e2cdcc338b4e1c9ade87c86494d6cacbe5b1624edc9468d31e93d2fe6e4e6ee45814abb5fc440ed16e0f8e0a17fa15e82dd3d7efcd142cf07');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.7VZhdP/b.motcua","events":"6","sender":"0783eded-9e71-4aeb-a65d-dcbff0bd3252"}','60ac267a4beaeb0b7cb35e318dcd3cc2da0d4bb41264267b36fac16ed5910c05','1ecf8aa750466b0bddc31de760f6857088b34069eb27105751310bd123374b44','46a6a83b918da57e09f463ec07de9a2ce659a19351fac0a48cf2c840581c0f1d71a3650bd5fbae8ecd7ebc64f67674296df99173d265ebd8273d5373ff2ea003');
INSERT INTO event VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.7VZhdP/a.motcua","events":"16"}','1ecf8aa750466b0bddc31de760f6857088b34069eb27105751310bd123374b44','dcb4ec213b8c186b2fb073346688efa307db079187bf928597cbdc9875d3874b','c217396c7a758e628984a0682161903fb13861e37bb29f050a3ae4614e602c8bca2c7239149acdd32351383c1096d3c6ce874ff4a2e9a573b44fc07fc62d3c03');
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
INSERT INTO dossier VALUES('396b6ab5-7768-448b-8f09-13bbd65aa1c8','000.17.22.H56-261116-1002','caa0b3c6-dd26-4797-aa4d-ecfb076843b3','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2,NULL,'decide');
INSERT INTO dossier VALUES('5448be31-5774-4c91-b8ce-2573f5da0d46','000.17.22.H56-261116-1003','caa0b3c6-dd26-4797-aa4d-ecfb076843b3','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3,NULL,'decide');
INSERT INTO dossier VALUES('27519885-d61a-4b43-b41d-08cf5c40d2d4','000.17.22.H56-261116-1001','caa0b3c6-dd26-4797-aa4d-ecfb076843b3','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1,NULL,'decide');
INSERT INTO dossier VALUES('05d0fe0a-45bb-4234-b3b8-81d7d414a933','000.17.22.H56-261116-2001','0783eded-9e71-4aeb-a65d-dcbff0bd3252','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1,NULL,'decide');
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
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252','000.17.22.H56',2,'{"0783eded-9e71-4aeb-a65d-dcbff0bd3252":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=7168,t=5,p=1$zV+9gpWbTO6LcbbMLy1LUQ$0Jlnkx+RKwY17+XgkdMc0A5uRcjG3oHcomBiZAqxlpE',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=7168,t=5,p=1$KQe82K88zCAKMay4XULMHw$rtPYg9NKyaOI7vnXriXV6eOtA+GQR2ibzLegJ4aIEy0',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'4bb9136d545497c4110b4028ea079c155ac9467584cd8234eb6a3a6cc97bf3de','73776226c8add572e4bd22753c92a3106291965e973f81e6a1e4bf9e147b53974bb9136d545497c4110b4028ea079c155ac9467584cd8234eb6a3a6cc97bf3de','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252','21978563f27e0d4a57b49ab5bddc7302a62eac4125b0a6a904a9259642ed06e9','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
INSERT INTO procedure_use VALUES('0783eded-9e71-4aeb-a65d-dcbff0bd3252','1.001193',1);
INSERT INTO procedure_use VALUES('caa0b3c6-dd26-4797-aa4d-ecfb076843b3','1.001193',3);
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
CREATE TABLE IF NOT EXISTS "name_word" (
	word     TEXT NOT NULL,
	received TEXT NOT NULL,	-- the dossier's, for the order
	id       TEXT NOT NULL,
	PRIMARY KEY (word, received, id)
) STRICT, WITHOUT ROWID;
INSERT INTO name_word VALUES('bon','2026-11-16T08:30:00+07:00','05d0fe0a-45bb-4234-b3b8-81d7d414a933');
INSERT INTO name_word VALUES('thi','2026-11-16T08:30:00+07:00','05d0fe0a-45bb-4234-b3b8-81d7d414a933');
INSERT INTO name_word VALUES('tran','2026-11-16T08:30:00+07:00','05d0fe0a-45bb-4234-b3b8-81d7d414a933');
INSERT INTO name_word VALUES('le','2026-11-16T08:00:00+07:00','27519885-d61a-4b43-b41d-08cf5c40d2d4');
INSERT INTO name_word VALUES('mot','2026-11-16T08:00:00+07:00','27519885-d61a-4b43-b41d-08cf5c40d2d4');
INSERT INTO name_word VALUES('van','2026-11-16T08:00:00+07:00','27519885-d61a-4b43-b41d-08cf5c40d2d4');
INSERT INTO name_word VALUES('hai','2026-11-16T08:10:00+07:00','396b6ab5-7768-448b-8f09-13bbd65aa1c8');
INSERT INTO name_word VALUES('pham','2026-11-16T08:10:00+07:00','396b6ab5-7768-448b-8f09-13bbd65aa1c8');
INSERT INTO name_word VALUES('thi','2026-11-16T08:10:00+07:00','396b6ab5-7768-448b-8f09-13bbd65aa1c8');
INSERT INTO name_word VALUES('ba','2026-11-16T08:20:00+07:00','5448be31-5774-4c91-b8ce-2573f5da0d46');
INSERT INTO name_word VALUES('hoang','2026-11-16T08:20:00+07:00','5448be31-5774-4c91-b8ce-2573f5da0d46');
INSERT INTO name_word VALUES('van','2026-11-16T08:20:00+07:00','5448be31-5774-4c91-b8ce-2573f5da0d46');
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
CREATE INDEX name_word_id ON name_word(id);
COMMIT;
PRAGMA user_version = 23;
PRAGMA application_id = 1296258369;
