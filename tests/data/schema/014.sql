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
INSERT INTO meta VALUES('station_id','84b7aa61-c574-4e0c-b9e2-7b1fa70efa57');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:84b7aa61-c574-4e0c-b9e2-7b1fa70efa57','11');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:84b7aa61-c574-4e0c-b9e2-7b1fa70efa57:01/2026','3');
INSERT INTO meta VALUES('book_high:9a207eab-c46f-4162-b306-86a5cee64b47:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','7c0dd0d11e3fb0e507dd7cb958db49338a376c5fbec6055566a54536d1c1e75b','6dd72c92295327aff566d36165652c168e5e3892fa1100dcecfd1bd11f284729f6704200f7514b4a954461418dc921f556ade44bb866adf534213822ae812608');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','7c0dd0d11e3fb0e507dd7cb958db49338a376c5fbec6055566a54536d1c1e75b','91c08a4bf761f8e88ff308066761fffd468f47053c011c451b04f94dae798772','c4ffd04cd6eed23e6f1f810e215d764f717196ccae2a445b99b8abb0ac070211215ccbf1816d9c42f5bd55e6b8efb5649aa244bdb1ca3d9803d4e87131be250c');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-014/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','91c08a4bf761f8e88ff308066761fffd468f47053c011c451b04f94dae798772','aa81bf539f1fea49f954155176660fec92638019dce83d5e4084ee469d79d4af','3f36119c5fcc455de2d5030c6f8693bbab4f211f79fdad0f3366a7fe68f39a09931cf9d19e22f5fca6a04376ed486a2bbd58ba4366396dbca84d4fc573237f0b');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',4,'2026-11-16T08:00:00+07:00','lan','c53b63ec-a197-42b8-a292-0970f86d2bc1','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','aa81bf539f1fea49f954155176660fec92638019dce83d5e4084ee469d79d4af','064eedd21299e4e6f16d9f71fcd70ec4faba23dfb45cb1466547010eb9705ed5','ca24959b4b799e1c5c53d5ec99b493bb657e9a2717056c8210a21039adf3194bf318902c4e4639a35c36ea9d3500d69cbc69f227798e231d2f06b15f2dd91c0b');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',5,'2026-11-16T08:10:00+07:00','lan','7713941f-a10e-44b7-980c-0c4944f12c2b','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','064eedd21299e4e6f16d9f71fcd70ec4faba23dfb45cb1466547010eb9705ed5','ad397c069d603ca2a74c4bf5e0aab38699e40590026f44665057b60c7663ff98','affe5f570e2b5ad5926dfb0c4281ae7e8876e372315b21eb67963d62c0648188648ac9dbcbb13257162c83a09f9dfac3ee26f1e0200fc07ac603443654f4220e');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',6,'2026-11-16T08:20:00+07:00','lan','db38b304-aacb-4e70-b149-6ede1a0ac0b0','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','ad397c069d603ca2a74c4bf5e0aab38699e40590026f44665057b60c7663ff98','37b45186e05dd9800b33aba534fdaeefa059e187f3e7b9a81e211642416dcbf8','7a1cbf431c69bf347114b6be2e68cdb958d0951778319626ec0802a34467f5874412d821766e0f5d6d9758e224e059a8ed5cf7f966624624bed2bac21f585909');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',7,'2026-11-16T09:00:00+07:00','lan','c53b63ec-a197-42b8-a292-0970f86d2bc1','handover','{"to":"Công chức Tư pháp"}','37b45186e05dd9800b33aba534fdaeefa059e187f3e7b9a81e211642416dcbf8','8c36ec3debd488446a5dd1ef05a5f50bcb8f79bb970e46b412d131560819270d','cf49682abbcb805bdc0c75f74f1fffdf6becfdde48a9ef434c4079afb7b6435302d6d029d3aa4b21c6e1b2a7ec018e67b35215a6063aa6e310e97be8ed500c00');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"7EE7-2367-5EEE-15A8","number":"2","unit":"000.17.22.H56","station":"9a207eab-c46f-4162-b306-86a5cee64b47","public":"2b8b8d5cf73d47f02025cfba54d6eebce82a614c56f976203522b4748299f8c0"}','8c36ec3debd488446a5dd1ef05a5f50bcb8f79bb970e46b412d131560819270d','fe98467e44053142c07ff22d494655316603f17d4835d3622e35b27819d2a516','7519ce66cf719c11e9800a41653846ea1f6435c26c1215e0755f6b1167ee81e9a84b207923d14d27bd4f7366f1187c68e2ab8c127f16c499b948cff865b6a306');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.dwBVLv/card.motcua","events":"8"}','fe98467e44053142c07ff22d494655316603f17d4835d3622e35b27819d2a516','01ab6e7dba2ec76247f2b64f27b391318892e167506b6857cd90fbde5ec0b7da','f0d15e3dc7db24e9ab3eb1afd6246aab1ddf6098733b6d669d6c0931007308236bdb85c0696cd45f9157689a4b82aa7cf441b1fb85a6e5049b1a21251276bb07');
INSERT INTO event VALUES('9a207eab-c46f-4162-b306-86a5cee64b47',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','0551601945e94b62507f866bae2801bfd380b421959afa9e1064b53a779e27b0','ffdd35d8b78a03cc1baa9ffb1510e099e28c67a931f5eb1a8fc689632c216f186a539fbf325e79f79946cfebbee98197e3ebcfc7d0d8485b4993a8a06d0aef0a');
INSERT INTO event VALUES('9a207eab-c46f-4162-b306-86a5cee64b47',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','0551601945e94b62507f866bae2801bfd380b421959afa9e1064b53a779e27b0','4ee2e95b8ff63c3a9fcb5aed34df4569b0d7beaa0af98a20dc03771f282bff8f','65a2345b653e6627e649af92fd4332b6fe340130703d51395ac1542a4a04ee865e2b0ee5bbb0ac5357d5af7068bb77b587b70df65fa208d5ff2b50c1217e4f0d');
INSERT INTO event VALUES('9a207eab-c46f-4162-b306-86a5cee64b47',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-014/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','4ee2e95b8ff63c3a9fcb5aed34df4569b0d7beaa0af98a20dc03771f282bff8f','eaca20426560dd5bf1101d567ea99fb82cc029a814c998985d4b01d6c0e20aa4','f2528a53ede5cb4facab7d596b80ae19d0a7670ea6b25900f8f8b401f623813daedda67bc0c9413dd95bdbd00ed95d6ba5fbd6409accbc04e0dff669df78f10e');
INSERT INTO event VALUES('9a207eab-c46f-4162-b306-86a5cee64b47',4,'2026-11-16T08:30:00+07:00','lan','e8e8e56f-6521-4f96-9cf1-0885ed04ad86','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','eaca20426560dd5bf1101d567ea99fb82cc029a814c998985d4b01d6c0e20aa4','c98e596058160b89317d6b2af2537d3ed99b1e9877dcfb55f011b0e05a425338','d5873ee3cd483a3e682b335c29c1adcb47ca914f13ae99b14539b8c35c079cb8072a06e51a27bfecd6ab3c42bb9056537da8ea2c5f11a90413e57832e0e98303');
INSERT INTO event VALUES('9a207eab-c46f-4162-b306-86a5cee64b47',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.dwBVLv/card.motcua","events":"4"}','c98e596058160b89317d6b2af2537d3ed99b1e9877dcfb55f011b0e05a425338','1f9f6625bfb536105362810b4f0dcd71c17717ca6ae4e51de0cd4ef7be7a4b6c','8a6bcefe5d5c65dec451c1a91b5f5ce6491d8b735e17451f1601bc639cb82328653e5e3b8739e530cf4fb7640297b9fda1e4d87c4cb6840ca084038141145206');
INSERT INTO event VALUES('9a207eab-c46f-4162-b306-86a5cee64b47',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"A3D8-9631-C8D9-33AC","number":"1","unit":"000.17.22.H56","station":"84b7aa61-c574-4e0c-b9e2-7b1fa70efa57","public":"b73d6fd0406d3b392c4eba5f42c25b6d2786d173f316faba7db248ff4be87fe2"}','1f9f6625bfb536105362810b4f0dcd71c17717ca6ae4e51de0cd4ef7be7a4b6c','6f3e1a1fad84cddf3293d08fbce408b9e17a5dd8619c736f30360f7a3ac6736f','788bcb34f26a33f1a1d5c26ee1fc2e2f5bd38df5fce0f02314e5ef6a607820000f7fc288e3720da67b704d2429c36c585dff87b534f46f4641fe7e41ee318d01');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.dwBVLv/b.motcua","events":"6","sender":"9a207eab-c46f-4162-b306-86a5cee64b47"}','01ab6e7dba2ec76247f2b64f27b391318892e167506b6857cd90fbde5ec0b7da','4f746d035b2b5bcf9d5cabf28a90f8f0ef4727bae86ce5e4f9383feb6e841d74','69d3a963200e103d18319631ab7a9d148f1a09f64c2f4210e4c4ba713851ed0896aac146ecbba945d17599f0498fcc1633bf2c6d75b670f01350bced81d84f01');
INSERT INTO event VALUES('84b7aa61-c574-4e0c-b9e2-7b1fa70efa57',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.dwBVLv/a.motcua","events":"16"}','4f746d035b2b5bcf9d5cabf28a90f8f0ef4727bae86ce5e4f9383feb6e841d74','35c27bf25f7a5586435138f85e20a70271a4c60a8f59cc2e21c104995d019d75','c2d327f5b5644cbcb26fcb30703c2831d070904f909d665175ff39484114afa144369b93273b332dee550ab9129c512463f2acff1e3ef1ad3243ff9b4c1b470e');
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
INSERT INTO dossier VALUES('7713941f-a10e-44b7-980c-0c4944f12c2b','000.17.22.H56-261116-1002','84b7aa61-c574-4e0c-b9e2-7b1fa70efa57','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2,NULL,'decide');
INSERT INTO dossier VALUES('db38b304-aacb-4e70-b149-6ede1a0ac0b0','000.17.22.H56-261116-1003','84b7aa61-c574-4e0c-b9e2-7b1fa70efa57','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3,NULL,'decide');
INSERT INTO dossier VALUES('c53b63ec-a197-42b8-a292-0970f86d2bc1','000.17.22.H56-261116-1001','84b7aa61-c574-4e0c-b9e2-7b1fa70efa57','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1,NULL,'decide');
INSERT INTO dossier VALUES('e8e8e56f-6521-4f96-9cf1-0885ed04ad86','000.17.22.H56-261116-2001','9a207eab-c46f-4162-b306-86a5cee64b47','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1,NULL,'decide');
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
INSERT INTO name_word VALUES('hai','7713941f-a10e-44b7-980c-0c4944f12c2b');
INSERT INTO name_word VALUES('pham','7713941f-a10e-44b7-980c-0c4944f12c2b');
INSERT INTO name_word VALUES('thi','7713941f-a10e-44b7-980c-0c4944f12c2b');
INSERT INTO name_word VALUES('le','c53b63ec-a197-42b8-a292-0970f86d2bc1');
INSERT INTO name_word VALUES('mot','c53b63ec-a197-42b8-a292-0970f86d2bc1');
INSERT INTO name_word VALUES('van','c53b63ec-a197-42b8-a292-0970f86d2bc1');
INSERT INTO name_word VALUES('ba','db38b304-aacb-4e70-b149-6ede1a0ac0b0');
INSERT INTO name_word VALUES('hoang','db38b304-aacb-4e70-b149-6ede1a0ac0b0');
INSERT INTO name_word VALUES('van','db38b304-aacb-4e70-b149-6ede1a0ac0b0');
INSERT INTO name_word VALUES('bon','e8e8e56f-6521-4f96-9cf1-0885ed04ad86');
INSERT INTO name_word VALUES('thi','e8e8e56f-6521-4f96-9cf1-0885ed04ad86');
INSERT INTO name_word VALUES('tran','e8e8e56f-6521-4f96-9cf1-0885ed04ad86');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('9a207eab-c46f-4162-b306-86a5cee64b47','000.17.22.H56',2,'{"9a207eab-c46f-4162-b306-86a5cee64b47":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=65536,t=2,p=1$o6nQ/UnDbLvWH9Wi+SvfGg$kZw3sfrcdY59asrj+95O/aeiNt1jQcl6C5HR4bLFmsc',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=65536,t=2,p=1$etPwvBKEBXOaMaQNrrVXwA$XdqqQwx4x7+AjclDZleXdBFwy815CpuTxoa1HEK6uM8',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'b73d6fd0406d3b392c4eba5f42c25b6d2786d173f316faba7db248ff4be87fe2','919637296ece8c39d1481fd8d609ce16921db0a1975a24068be0bd6ce682d9c3b73d6fd0406d3b392c4eba5f42c25b6d2786d173f316faba7db248ff4be87fe2','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('9a207eab-c46f-4162-b306-86a5cee64b47','2b8b8d5cf73d47f02025cfba54d6eebce82a614c56f976203522b4748299f8c0','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
PRAGMA user_version = 14;
PRAGMA application_id = 1296258369;
