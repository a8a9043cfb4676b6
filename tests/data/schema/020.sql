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
INSERT INTO meta VALUES('station_id','943ba51c-64b0-4b8e-8565-ba9498dbe46e');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:943ba51c-64b0-4b8e-8565-ba9498dbe46e','11');
INSERT INTO meta VALUES('own_seq_high:943ba51c-64b0-4b8e-8565-ba9498dbe46e:at','2026-11-16T09:40:00+07:00');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:943ba51c-64b0-4b8e-8565-ba9498dbe46e:01/2026','3');
INSERT INTO meta VALUES('book_high:2c0051f0-306d-4b38-8032-fec792ea1676:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','7fb4edf0a6307724e15d46d2b644a10db5f891f4fdb7c0891e02a0fbdc129883','c2afbfc3e507231cdec6ba5b33bad52464871a6dae48b0ed83c3796a87f7358ed87edd8f8b94426002a63eea938b6bdc25d7fcc1cc758b61bdfa10063870fb05');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','7fb4edf0a6307724e15d46d2b644a10db5f891f4fdb7c0891e02a0fbdc129883','ccf161a1efe284e30c97cf9857856dcf15f020f547defafb9bc46999cbf08ea3','121815fd20d0c622a6f44e059abbf4c37804814e3147efd7756e744c578ab1606aaa12ffdf62ce0ab5551c9746e65cd9c1728de5d59377a430f54a86ee0ecc02');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','ccf161a1efe284e30c97cf9857856dcf15f020f547defafb9bc46999cbf08ea3','14d382ac99e140e41b1c3c06a472c01596beb9904f16e620086a63eacea5d224','b5b3dcfdbe4fa3e4242d316af5fcd9ac438ab9af36512ada33215d4c8f6c4926a6a750a20f7657d1cb07628071e895181e984130d421188aa2408c6d1476150d');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',4,'2026-11-16T08:00:00+07:00','lan','fb853852-5d4b-4a2c-a8ad-85c99eaa7a07','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','14d382ac99e140e41b1c3c06a472c01596beb9904f16e620086a63eacea5d224','b55eaa022fd3278fd3fce1c8b2b6b5561659b8badb8a45a42cb25b9fa00f928a','88fb44b70572b6f1867f958a7fde273418efcc3fa00dac17c858df22a9e443456e336ff0c3f0a0e07368ca2554c70f1e3a708678ef6d3d260e73a48301e5f308');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',5,'2026-11-16T08:10:00+07:00','lan','42d6aa2a-8151-42e5-9462-b799f1591551','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','b55eaa022fd3278fd3fce1c8b2b6b5561659b8badb8a45a42cb25b9fa00f928a','258b5fcb020eff5d8ed831b56fc04a6249daed452ffaa432e0c693af36f0e8da','01151e41741359a6c30981fcca227d1aa7ade7b1db56cccc945980a174dc8a5ade7c3e5e5d1deb98e581c380da31e426a9c509047a68e37d419c19e00c4dcb02');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',6,'2026-11-16T08:20:00+07:00','lan','bd2021e6-b9db-4510-bbee-1127a1e14e2d','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','258b5fcb020eff5d8ed831b56fc04a6249daed452ffaa432e0c693af36f0e8da','941ce92540bc45de2fabeb49792d0e12c95d60b439a71b853a8bac5267db073c','8ff9191b92cea0a9edaade6fba276beeccbb19f71516e53828e83a642bfdc14740c13b3f60163fe1668142f4a1f8c54e9bfe61086d4c8a08dfa69698379cb403');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',7,'2026-11-16T09:00:00+07:00','lan','fb853852-5d4b-4a2c-a8ad-85c99eaa7a07','handover','{"to":"Công chức Tư pháp"}','941ce92540bc45de2fabeb49792d0e12c95d60b439a71b853a8bac5267db073c','c75c1e5020b2d1f61b73d259c44b65f026cd6bdec9c923c39a9567f97eb0160f','3cd8cf504e72677b351746a04f31c74535ebde379a59037aed0474b37393444db64bbdee5d0577f68e9a0dfe528429a36f76a6979362fb69382d874152793e0a');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"7021-0038-3667-C72C","number":"2","unit":"000.17.22.H56","station":"2c0051f0-306d-4b38-8032-fec792ea1676","public":"af78b19f596df3d001371a1722be1bc63126efea885d365f158f4afc7b2ef886"}','c75c1e5020b2d1f61b73d259c44b65f026cd6bdec9c923c39a9567f97eb0160f','c3a5c5070786b639063cab5b5c4d0c7b5fa5e35e3e768bb7df8f1d8da6ef7c4f','0a7200621dee09d926c60953e6af28c5a3b24195e5c136c80c81e08c58ac5e974ce0ec005ba54af4884d837ab218ce5898cd9596cfc05344c87a729c85e9100f');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.QwqCza/card.motcua","events":"8"}','c3a5c5070786b639063cab5b5c4d0c7b5fa5e35e3e768bb7df8f1d8da6ef7c4f','e44a2f6003b6ba7535a4e26cb862cb3623d88ebd5346d221d4b34050d96b81b8','c481ad984d91a63ffa28aadae063538d8b449385ae74b8137ed349d8ccaa1c2825233603d88666cf9600c04a750a50fe4f5afda9d5932b7baa5eba5f98efc00d');
INSERT INTO event VALUES('2c0051f0-306d-4b38-8032-fec792ea1676',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','dfcba5cabc47ce10c76e882fced292d1518d4676ac19a59295d166684c5498cd','5548ffd84f1c8f2599d4028e2e83fc90194f64fbd0fadbec6dd37a9e602ddef9c9df294fc0aee590455bc070032845bdba589333859481aac625303e84d9f60e');
INSERT INTO event VALUES('2c0051f0-306d-4b38-8032-fec792ea1676',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','dfcba5cabc47ce10c76e882fced292d1518d4676ac19a59295d166684c5498cd','7cc4ef13ff51fbd5aba59adc49a49a54e123cc9611d4a2622b0dc277b9311edc','2e64112b2c30063882d514c187104fdf5337520d9170af0db17c1e562477d5052a066cfaffc99e19ec2001eada7039fbf7129f9ba357d8b58d3613844a94d302');
INSERT INTO event VALUES('2c0051f0-306d-4b38-8032-fec792ea1676',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','7cc4ef13ff51fbd5aba59adc49a49a54e123cc9611d4a2622b0dc277b9311edc','9e85e41a6a1289ef8d225be7be07405fa7f06f1874c4f891b64730e6a0141463','8473bc3b35f0c566274ea60106e0316e1f160fa34f1777031972a0294ca1bf9dddc476abaa5c8437e9021da10254eb5eac68a13296800cb4bca89676761c8c04');
INSERT INTO event VALUES('2c0051f0-306d-4b38-8032-fec792ea1676',4,'2026-11-16T08:30:00+07:00','lan','860795f4-9fef-451a-a90b-29ecb9980ee4','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','9e85e41a6a1289ef8d225be7be07405fa7f06f1874c4f891b64730e6a0141463','06432851822d00db2a62259386f05d6142e89d8b83ae38aab9a0d2b459cb285c','c1cfbfaac2fd7c35d64f306d0891a1dbcd6369c83c75e36c311793d97af9f4aab25d0a1ce36bd683700fcb6b4fb6da897fcc51f6e7c19598df62fab2e898030c');
INSERT INTO event VALUES('2c0051f0-306d-4b38-8032-fec792ea1676',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.QwqCza/card.motcua","events":"4"}','06432851822d00db2a62259386f05d6142e89d8b83ae38aab9a0d2b459cb285c','3d35cb9010bb9d4bc4bde5aba69f6acdbaf4263fbfdf079e59bdac6feeb2a124','16e74a3edc3e421b3f10cfaff790f38cb2b18af45b69cac83bb3124a8edd3574522d958af3bbb21d44dd4c737976f7057fbe72fcc619d3d18ed5e150d18d9406');
INSERT INTO event VALUES('2c0051f0-306d-4b38-8032-fec792ea1676',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"2AFD-D834-96E7-C234","number":"1","unit":"000.17.22.H56","station":"943ba51c-64b0-4b8e-8565-ba9498dbe46e","public":"e6dd6ddd632bed19d36da81c54e342faf4b6b757627ccb7b736beec4a982e75d"}','3d35cb9010bb9d4bc4bde5aba69f6acdbaf4263fbfdf079e59bdac6feeb2a124','2faae0190af18f969e77661537d42c04011a01e1ee78a6def0eea0662cae1cc0','4dd7f925d6c142c29f285c2a6545077a869444cfcbd4283f77d78826b492038afe9347886e628faf76e63eb8e67417cf660bdd13dfdaff0ecbdd6774638bee05');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.QwqCza/b.motcua","events":"6","sender":"2c0051f0-306d-4b38-8032-fec792ea1676"}','e44a2f6003b6ba7535a4e26cb862cb3623d88ebd5346d221d4b34050d96b81b8','55bd75db7379d1f58b1b90945fb1de2e462c21eb4751feffcb8d85bf7f702912','05c621c5dc672387591f11289f0ea4184bbde3b2f2f182fefaf9da5d842f2d41225b8a29fa59e488969a8956bf18e7e02f47f8038f798fb3d0ab0cd518a86e0a');
INSERT INTO event VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.QwqCza/a.motcua","events":"16"}','55bd75db7379d1f58b1b90945fb1de2e462c21eb4751feffcb8d85bf7f702912','39fab7e7269313581e6bb3991da4003286406ad612db44462f4dbefebb911f63','c3a68af3fe93e80675b4e8c8e5aae5fe387482e8673af54991168d14261bf34359ebfd539e7ec26379d473977bfcd94114ad109d775ba95205b846910fbf0b09');
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
INSERT INTO dossier VALUES('42d6aa2a-8151-42e5-9462-b799f1591551','000.17.22.H56-261116-1002','943ba51c-64b0-4b8e-8565-ba9498dbe46e','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2,NULL,'decide');
INSERT INTO dossier VALUES('bd2021e6-b9db-4510-bbee-1127a1e14e2d','000.17.22.H56-261116-1003','943ba51c-64b0-4b8e-8565-ba9498dbe46e','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3,NULL,'decide');
INSERT INTO dossier VALUES('fb853852-5d4b-4a2c-a8ad-85c99eaa7a07','000.17.22.H56-261116-1001','943ba51c-64b0-4b8e-8565-ba9498dbe46e','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1,NULL,'decide');
INSERT INTO dossier VALUES('860795f4-9fef-451a-a90b-29ecb9980ee4','000.17.22.H56-261116-2001','2c0051f0-306d-4b38-8032-fec792ea1676','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1,NULL,'decide');
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
INSERT INTO name_word VALUES('hai','42d6aa2a-8151-42e5-9462-b799f1591551');
INSERT INTO name_word VALUES('pham','42d6aa2a-8151-42e5-9462-b799f1591551');
INSERT INTO name_word VALUES('thi','42d6aa2a-8151-42e5-9462-b799f1591551');
INSERT INTO name_word VALUES('bon','860795f4-9fef-451a-a90b-29ecb9980ee4');
INSERT INTO name_word VALUES('thi','860795f4-9fef-451a-a90b-29ecb9980ee4');
INSERT INTO name_word VALUES('tran','860795f4-9fef-451a-a90b-29ecb9980ee4');
INSERT INTO name_word VALUES('ba','bd2021e6-b9db-4510-bbee-1127a1e14e2d');
INSERT INTO name_word VALUES('hoang','bd2021e6-b9db-4510-bbee-1127a1e14e2d');
INSERT INTO name_word VALUES('van','bd2021e6-b9db-4510-bbee-1127a1e14e2d');
INSERT INTO name_word VALUES('le','fb853852-5d4b-4a2c-a8ad-85c99eaa7a07');
INSERT INTO name_word VALUES('mot','fb853852-5d4b-4a2c-a8ad-85c99eaa7a07');
INSERT INTO name_word VALUES('van','fb853852-5d4b-4a2c-a8ad-85c99eaa7a07');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('2c0051f0-306d-4b38-8032-fec792ea1676','000.17.22.H56',2,'{"2c0051f0-306d-4b38-8032-fec792ea1676":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=7168,t=5,p=1$z4BfTMvJAssc7+neV1MWiQ$jQaZkHturnGYC8NEDLqT6fa6T0jBJ8LXAK5BwOlb+eQ',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=7168,t=5,p=1$uIqbdVo2U1rgP98JiD6Y5A$CrxFS2kUJFnLKglRR9cc4dhich7TVdSWaXB6MJRilsg',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'e6dd6ddd632bed19d36da81c54e342faf4b6b757627ccb7b736beec4a982e75d','31ad648ce0386146e9903182cc73693e21a13b6ca49c21f602432ef55a8d94bbe6dd6ddd632bed19d36da81c54e342faf4b6b757627ccb7b736beec4a982e75d','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('2c0051f0-306d-4b38-8032-fec792ea1676','af78b19f596df3d001371a1722be1bc63126efea885d365f158f4afc7b2ef886','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
INSERT INTO procedure_use VALUES('2c0051f0-306d-4b38-8032-fec792ea1676','1.001193',1);
INSERT INTO procedure_use VALUES('943ba51c-64b0-4b8e-8565-ba9498dbe46e','1.001193',3);
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
PRAGMA user_version = 20;
PRAGMA application_id = 1296258369;
