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
INSERT INTO meta VALUES('station_id','4290a1f8-e95e-4995-aa81-09f52ac39fe4');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:4290a1f8-e95e-4995-aa81-09f52ac39fe4','11');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:4290a1f8-e95e-4995-aa81-09f52ac39fe4:01/2026','3');
INSERT INTO meta VALUES('book_high:31924f8b-b55b-4c41-93b5-61374c9563a3:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','f74e2550d5bdf8a06fc3de9d8cf74be00fbec160b61c739c51d6b3f88674a3cc','f7fdf2daf2af4649f44165a00b4c247467f53362a8fee733a4d22bf382862b42f5de0963f49bf0fa809e33527f86fc72a30032ff46661bf92f0829f143438909');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','f74e2550d5bdf8a06fc3de9d8cf74be00fbec160b61c739c51d6b3f88674a3cc','92069bb8f6699ce01be39565635a40a58bf3b540189f6b507766a4b623010d92','f321d94e21a05bf2ae58fe218b63451ca801687223fa35824d95ab43b0b85727a6a42b2bf0d10079fd30c6499c0d4d83d9481a301040284c4aab565fb5822b01');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-017/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','92069bb8f6699ce01be39565635a40a58bf3b540189f6b507766a4b623010d92','32e40f92b8d6fd0d5c3a592b67c85e6ed0cbb8c525e56bea0b0968e79c37c872','207f391af1d5e60cdcfcddc3a602c51cb131ccee2d8776ec4204f28481a9383203182d2574a8526695730c623cd636a03d33671eb06464fc2915d7405c26db00');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',4,'2026-11-16T08:00:00+07:00','lan','5b9738f3-c6b5-4dae-b753-52f9b8ff75e1','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','32e40f92b8d6fd0d5c3a592b67c85e6ed0cbb8c525e56bea0b0968e79c37c872','f1ca4d7d6e4170a612a37e460d5a5bb19d7e3515f869db9b7477434d8b6f6545','c03650aa0ab42d6eabea0ccf310d5f74bf00304d0b061f246d9e1d9c1fd606b267b7e36721223366660cc857b38e3de55b25131755e073e5d7e8339d49fdb60d');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',5,'2026-11-16T08:10:00+07:00','lan','1f1153f2-3cdb-4125-b73f-31e6cbd003e5','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','f1ca4d7d6e4170a612a37e460d5a5bb19d7e3515f869db9b7477434d8b6f6545','a234eccb9853ca05d43fd275e42ade23a6a2828c256044515ccfac5184dc0b76','770023e74c266c17ef5de81c185906cda2dd081e3c56b05373a423764a44e7684221390822d594db43c789b96a6d17d5e99b76e1b5272d5f02b1cb069cfdd302');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',6,'2026-11-16T08:20:00+07:00','lan','2d8522d9-26bd-451a-bc4a-65d8f2baf6bc','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','a234eccb9853ca05d43fd275e42ade23a6a2828c256044515ccfac5184dc0b76','ec5a9174dec8b573292132bf4191c2a13be30450bd4c16705577c86012399d4b','247e86f2f74cc528a5d073294958bce6cfe9dbb4bf5a16947b88b8f4d95897c11871f11c89a2abe163b5115d3a9572c99df61b35f73af260b93f83db8e860a0f');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',7,'2026-11-16T09:00:00+07:00','lan','5b9738f3-c6b5-4dae-b753-52f9b8ff75e1','handover','{"to":"Công chức Tư pháp"}','ec5a9174dec8b573292132bf4191c2a13be30450bd4c16705577c86012399d4b','e0a787ca4fa94734ace662911a7b4506a4c1b2726ade46e9cc85454b9726848a','a4c7948a8bb63db359e404377eb5a7470446c1e605400ebfd2eae05f8abebdb5ee2e63e718f4de68da7fdfff3878dad38ee2956b203cd6f23f3738faa3608008');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"C8BD-16DA-6A73-5BC7","number":"2","unit":"000.17.22.H56","station":"31924f8b-b55b-4c41-93b5-61374c9563a3","public":"e838e93b12d61b9050ccb1902cfa82dc938a0986052adeac57d0d9fc08dc2765"}','e0a787ca4fa94734ace662911a7b4506a4c1b2726ade46e9cc85454b9726848a','0c0ec05de9d65368b529bf03e849b8ea1277a395e2b09f140cbf97fa0a5edd07','36207e9cce1d4dd76a31a38045f3f68b6fff9c86dd6dc0e240f819d8776a727686086a8d271f52166edd96db689e0503d6a84be1e6e5c9cf1074ab443c43c602');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.ubH5fB/card.motcua","events":"8"}','0c0ec05de9d65368b529bf03e849b8ea1277a395e2b09f140cbf97fa0a5edd07','9ea31e957d9282035456ea8e63d14b3cc9d9a507f387c92e7e8401d09dff8f3f','74915c8e8a36501e836bd4b54a2c66867d2663b5e334aa8113e2249c9ef6ddb8281016d40e95c8435d22e1ca84ba4eeb487c9ba1017c6c792674a431e8eb7f0b');
INSERT INTO event VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','dbb98d8fe8b2e552630862c26d06baf4282f787462c710bd96270373daa4e07c','1c11ce60ce26e5a3d56fcd669b5f152357abe76010802d54f317f7d43653f995859f243e88b7678d8158517bb2c4acf43dd3bccce889b389ea61c59a69316a00');
INSERT INTO event VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','dbb98d8fe8b2e552630862c26d06baf4282f787462c710bd96270373daa4e07c','52d44f3acdb9e15c91fa85c371ca5617d73ad2bb8fe4b1ab3c23bfb4c3054ade','d4b2032ddb2bbe458d432e60d026c9f61e0bf1017c8de44e7c4ba2dd68e0fc68cbad2e882770d296977c0aa25aac718abb33b0b6c555d18973baf9bdd1bac606');
INSERT INTO event VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-017/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','52d44f3acdb9e15c91fa85c371ca5617d73ad2bb8fe4b1ab3c23bfb4c3054ade','79088dc647fc5fbbe12eb2ef7ea0ed3d7aa762a64ece3307109afc34145d9703','3c3d1a384408cc1a5967b8ba4e564b07e11be4c478af8b0d0e5320e9d5022da63047e6332a307ca55c2305ab3d40827fff83e72345bd0fa9506f7eb39c266f08');
INSERT INTO event VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3',4,'2026-11-16T08:30:00+07:00','lan','f5d1962e-42a2-4e72-af81-706f843c563c','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','79088dc647fc5fbbe12eb2ef7ea0ed3d7aa762a64ece3307109afc34145d9703','03d5945bab36c85cd06c5e99cb1816da2a650a106ced881a36bc1b4f43aefbc5','dec6f0fdd2a771248f710f573b500ab9cba1e46f35fdcba47a3bf687a0c03feb8c3dfe234c5a7f08bbbce3d8103a17651a5e3afbe0aa7e3619e0587dd28d9402');
INSERT INTO event VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.ubH5fB/card.motcua","events":"4"}','03d5945bab36c85cd06c5e99cb1816da2a650a106ced881a36bc1b4f43aefbc5','b79782d17688f1f5d7afa55b3307207b5c027d1b0b79e931865502d41e95d093','4ff97b75a7212b45ea42ff68c5a3fda0aa9166789edcb1c482ba943b0e97f58d0881bccaf9ad1febb1d0cc6790829020de1f26319f2bcde33fd6de3fa0303706');
INSERT INTO event VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"9B5F-4197-8FBD-2FDA","number":"1","unit":"000.17.22.H56","station":"4290a1f8-e95e-4995-aa81-09f52ac39fe4","public":"58fbee3dd020edf2d82239765144bd7d07546a0adfa14fd287196ce842458a97"}','b79782d17688f1f5d7afa55b3307207b5c027d1b0b79e931865502d41e95d093','2c49fe5c2a9756538f5e531bca1755c2b07f3266a3d05974da08f934aecb5299','32f150cb99fcdcd7d4feb23682bb46f4e3127c4338e2c62709c83819315143dbd37efbfba2bdc38ca2321d32133495853c11806a3524e5ea343e530cdca6240a');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.ubH5fB/b.motcua","events":"6","sender":"31924f8b-b55b-4c41-93b5-61374c9563a3"}','9ea31e957d9282035456ea8e63d14b3cc9d9a507f387c92e7e8401d09dff8f3f','4c767b6488fed0af185afa721bf27dd22f57bfc2c86d0c47e4b3935143e57454','04c6943ab1dac891da029ca0f017eade9d8f6a63c4593724db55377b18ee9910fa852e7503319ca27ec01be037ddf8414c46922b425a5ab521e983acbce2d309');
INSERT INTO event VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.ubH5fB/a.motcua","events":"16"}','4c767b6488fed0af185afa721bf27dd22f57bfc2c86d0c47e4b3935143e57454','72f5f139f5648eb217c90e246c96d730bb32567db7f8a63f4452a0616b9b0879','4f55468b24c2bd3cfb101159e76885e1a59489c622e0103433d5f3ecdb571a440170b12392e3ad15597c96aff3cfd30deae5af3bba2e6d0104bb769f1b2ced0c');
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
INSERT INTO dossier VALUES('1f1153f2-3cdb-4125-b73f-31e6cbd003e5','000.17.22.H56-261116-1002','4290a1f8-e95e-4995-aa81-09f52ac39fe4','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2,NULL,'decide');
INSERT INTO dossier VALUES('2d8522d9-26bd-451a-bc4a-65d8f2baf6bc','000.17.22.H56-261116-1003','4290a1f8-e95e-4995-aa81-09f52ac39fe4','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3,NULL,'decide');
INSERT INTO dossier VALUES('5b9738f3-c6b5-4dae-b753-52f9b8ff75e1','000.17.22.H56-261116-1001','4290a1f8-e95e-4995-aa81-09f52ac39fe4','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1,NULL,'decide');
INSERT INTO dossier VALUES('f5d1962e-42a2-4e72-af81-706f843c563c','000.17.22.H56-261116-2001','31924f8b-b55b-4c41-93b5-61374c9563a3','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1,NULL,'decide');
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
INSERT INTO name_word VALUES('hai','1f1153f2-3cdb-4125-b73f-31e6cbd003e5');
INSERT INTO name_word VALUES('pham','1f1153f2-3cdb-4125-b73f-31e6cbd003e5');
INSERT INTO name_word VALUES('thi','1f1153f2-3cdb-4125-b73f-31e6cbd003e5');
INSERT INTO name_word VALUES('ba','2d8522d9-26bd-451a-bc4a-65d8f2baf6bc');
INSERT INTO name_word VALUES('hoang','2d8522d9-26bd-451a-bc4a-65d8f2baf6bc');
INSERT INTO name_word VALUES('van','2d8522d9-26bd-451a-bc4a-65d8f2baf6bc');
INSERT INTO name_word VALUES('le','5b9738f3-c6b5-4dae-b753-52f9b8ff75e1');
INSERT INTO name_word VALUES('mot','5b9738f3-c6b5-4dae-b753-52f9b8ff75e1');
INSERT INTO name_word VALUES('van','5b9738f3-c6b5-4dae-b753-52f9b8ff75e1');
INSERT INTO name_word VALUES('bon','f5d1962e-42a2-4e72-af81-706f843c563c');
INSERT INTO name_word VALUES('thi','f5d1962e-42a2-4e72-af81-706f843c563c');
INSERT INTO name_word VALUES('tran','f5d1962e-42a2-4e72-af81-706f843c563c');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3','000.17.22.H56',2,'{"31924f8b-b55b-4c41-93b5-61374c9563a3":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=65536,t=2,p=1$PqSOX/xOd2MFqo6R/wQwzQ$/2ALP7nWhXI3pXKlaBMJJ+z0whbesgrCk5lMbwKeUKQ',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=65536,t=2,p=1$fIgZlu432Haldwz5tbPG4A$1E1CHnIOY0KGLw4DoYcxp2PwwAgat6gZXijsIFlEU2Y',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'58fbee3dd020edf2d82239765144bd7d07546a0adfa14fd287196ce842458a97','51736f2f8d1346095c864e55c22d5a8c1dc5f6ba3cd658c56ad8ed8de5ec3e4e58fbee3dd020edf2d82239765144bd7d07546a0adfa14fd287196ce842458a97','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3','e838e93b12d61b9050ccb1902cfa82dc938a0986052adeac57d0d9fc08dc2765','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
CREATE TABLE procedure_use (
	station        TEXT NOT NULL,
	procedure_code TEXT NOT NULL,
	uses           INTEGER NOT NULL CHECK (uses >= 0),
	PRIMARY KEY (station, procedure_code)
) STRICT, WITHOUT ROWID;
INSERT INTO procedure_use VALUES('31924f8b-b55b-4c41-93b5-61374c9563a3','1.001193',1);
INSERT INTO procedure_use VALUES('4290a1f8-e95e-4995-aa81-09f52ac39fe4','1.001193',3);
CREATE TABLE picker_version (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	n  INTEGER NOT NULL
) STRICT;
INSERT INTO picker_version VALUES(1,8);
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
PRAGMA user_version = 17;
PRAGMA application_id = 1296258369;
