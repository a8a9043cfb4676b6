PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO meta VALUES('unit_code','000.17.22.H56');
INSERT INTO meta VALUES('unit_name','UBND xã Mỹ An');
INSERT INTO meta VALUES('unit_address','');
INSERT INTO meta VALUES('station_id','02457dce-3aa9-44ac-a53b-893764932a23');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:02457dce-3aa9-44ac-a53b-893764932a23','11');
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
INSERT INTO station VALUES('02457dce-3aa9-44ac-a53b-893764932a23',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','27c38a35c56295c194cddaae361ec6672a7828f2fd5fbf6947da55aa07eb83ae','96c40204a4de18bc035f85035c4d9c150ff5a0c4bc485865f15c9105762fbfe04da0313de786480f6cdd4fcbae9ca03cba71fd8aa37a2e616ddac5322f0adc05');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','27c38a35c56295c194cddaae361ec6672a7828f2fd5fbf6947da55aa07eb83ae','a0a8e0020895df099292ca30243a3aa84a10d0682ef376d70868c311cde5076c','24c92f8ca4dde0d20c7494c5684155d7ad7cadcc7fe6ebb406edf55fd4422d5a1aa03c444f27e7ddcc5d1176337158a25b58c2f9e93905425e1e6ba1ee440e0d');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-010/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','a0a8e0020895df099292ca30243a3aa84a10d0682ef376d70868c311cde5076c','e16d3f3034b5f53c2e6fc1fa7e266d3262724fa6b0b14abc1ccd668cd9210cfe','553950f7656f4ab148131fec17b9311ec67a665ccc99301cb9a20fbd37e56b6e8513953f4d3b4418ec6862d0365f50922701b9ed7e17b27652d36f881d74dd0a');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',4,'2026-11-16T08:00:00+07:00','lan','4ba17322-f2e6-4c0e-adf7-0ec336ab4843','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00"}','e16d3f3034b5f53c2e6fc1fa7e266d3262724fa6b0b14abc1ccd668cd9210cfe','2200556a4b5206c57559211a2017db50f1692971a580176a69a262bd257d5dc2','644286e0cc866cb05731b246073a9735753b0d60ed376f8a0e3ced6353d7a576e849fb99c379fc50e17d7053c1507ba655c177fd387eb0609a8537ba9af08e0a');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',5,'2026-11-16T08:10:00+07:00','lan','635cc9cb-9484-4574-869d-8897d1bcb459','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00"}','2200556a4b5206c57559211a2017db50f1692971a580176a69a262bd257d5dc2','577773778a7de90754be8dcb5e5e58aa700fc405f6949040aefadec52adef4e2','823a8c4e812cc008e7c3caef8a6f690295621b21569983988f87fdbec347aea146cbe76dfd93041db3b14deeaa0c0aa8468b6d63d2de2706ef0b549d657aa207');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',6,'2026-11-16T08:20:00+07:00','lan','45f5e13b-87b1-451e-97f0-20c2d394ed14','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00"}','577773778a7de90754be8dcb5e5e58aa700fc405f6949040aefadec52adef4e2','02153b47b122fb0809c881e2f92202c0a31fc78bdaaf1b3972d7da036737335c','35fae2c9d710fb51f3717cacd53137cb1454611251fef161ad463f4f61f11d9d0fec7f7e32e17d2b86dd5b1e716a5a2dc20600b7a02935b19be8b347b21cb202');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',7,'2026-11-16T09:00:00+07:00','lan','4ba17322-f2e6-4c0e-adf7-0ec336ab4843','handover','{"to":"Công chức Tư pháp"}','02153b47b122fb0809c881e2f92202c0a31fc78bdaaf1b3972d7da036737335c','fdbe7aeb03e0640ac0ea6209e4ea6d74c4220608f838b9fb897012eb196f6861','ddc38f9c059708428262d81e789a549090a5a4a8b82ddaf42b05f812ed8b09f055bc12329b5e8079b97ab20a1e3dfd8815b08b0d86ece7a34820602c6fa93606');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"EBF4-E6EC-0543-E38A","number":"2","unit":"000.17.22.H56","station":"ef5acada-7cf6-43b9-abd5-adc445f30029","public":"38fe56906f0b9b7ad75d86ccd49d7ab5498c1d6585ecc1db6a49febc742d4fe2"}','fdbe7aeb03e0640ac0ea6209e4ea6d74c4220608f838b9fb897012eb196f6861','e4566d9f81b0a60fb445b036b9b463e6b520d86afa673928ec0be4d1a7c8e992','93373c7f45ed5d007ffd0a265afa8cc18de56fb62c8fbceda6fc72ed34ae459df4a897d62a20c62d4cda24d72d1e1c54a07e353e58cab283ce61e20c5c95e30a');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.LAsDRw/card.motcua","events":"8"}','e4566d9f81b0a60fb445b036b9b463e6b520d86afa673928ec0be4d1a7c8e992','831fd8ec83eda8a57b7ee6052741bca388634cb6d87c5ada55109e18e3a2caca','4f474d28f89100a320cd74fee33b2f2eb5a74ceb67e48ebf229a60d7ac2ee2b0d5980aa0d2f5b09f9146ed064157896a33d8ec2a35856f449e6610d941d5a602');
INSERT INTO event VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','9442a2a5503d30866cdab0634e98a021120dfed401715575094a3e4255a0d981','91bcc5b5612ec8e0b7d3ed6313e53a7e1e6253a99e85f6f1d6860a443ce8ce038ce4bec566bb39bf6cae1af8264932a3354090bb0b9f399268d0c0aa546f3206');
INSERT INTO event VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','9442a2a5503d30866cdab0634e98a021120dfed401715575094a3e4255a0d981','8b276974e1e874b67f4c24f691bbb7dd2acb4ccdb6d517bb1acbfe214fd7a59c','3eff14cdef1b5f49f62480652c8275e3764ab62f5ff47f8d831aab2a20ff432889d206f8c1a6b57891d5ea4c9a091035a73a2c0d85b28bfd1fff3e1e5a372708');
INSERT INTO event VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-010/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','8b276974e1e874b67f4c24f691bbb7dd2acb4ccdb6d517bb1acbfe214fd7a59c','af1bb6203a5df089d841e8a55081a24233adbe3e61e21257cd4ea612bcc0fe1f','e9d26ae1f54c391dc8f1aba745a9dbec96a2e7934877ad9014cea11ebeb3958d36e922d9f3712cb25a257dc27118114569d6e0c5204547a09ce6d90bcedc090f');
INSERT INTO event VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029',4,'2026-11-16T08:30:00+07:00','lan','c4682d9a-012d-4570-ad79-5c1d9b0eafc8','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00"}','af1bb6203a5df089d841e8a55081a24233adbe3e61e21257cd4ea612bcc0fe1f','2b49573a2cfd28e82076d33fb57592e05eaf1f92349a796d55e7670cf6b0fcd3','97751fcaea91986493ee93acb5d55443ac51ddf742621fe89ae0f4487de8eba9297315ce1c7ead63b04fd430527e483091034f7999bf996aa1cb952049506406');
INSERT INTO event VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.LAsDRw/card.motcua","events":"4"}','2b49573a2cfd28e82076d33fb57592e05eaf1f92349a796d55e7670cf6b0fcd3','2b42e702cb0cd4f722419b678ffaa302b2f53fd204601894f3712ad501bfeba5','94fe986840919ec5c4821b4b19dfed6515883c687fffa884365e36ac1fe944f7b4d4af15ff8e043bbf2930f168b89c088984e687cca8b6509dd1697f30e20704');
INSERT INTO event VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"AF79-6E73-6DD3-86D3","number":"1","unit":"000.17.22.H56","station":"02457dce-3aa9-44ac-a53b-893764932a23","public":"ec04d8eedb01d5c078746250899c6207d0fff2ef3d1e2a4fedf14ebb9bf0cbdf"}','2b42e702cb0cd4f722419b678ffaa302b2f53fd204601894f3712ad501bfeba5','363ab67e87068ccbcd598e6621f82e7f5c5ae1943975e333f90306151973c531','8a46a38dc48537fd0fc216f7f6ec1ad0e060eaea7a5378e392dc60fc9dec7d6d46f5ed3231ae73e8bd684adda61cda6f545c50a5da5f22e8d3efa372f91fcb0a');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.LAsDRw/b.motcua","events":"6","sender":"ef5acada-7cf6-43b9-abd5-adc445f30029"}','831fd8ec83eda8a57b7ee6052741bca388634cb6d87c5ada55109e18e3a2caca','2e946dd37e972beb35f2c394f9d9ed89f8d0cb69f8c3e80b8d81dc2c2f4f3a93','24448ef2fbd181051768f65af04a9ebc5728e2c5dabe9a014d35ebc0481de9dacbd5c4e4f6ee7e2dbdb0fab8154d07bcfd09a13adb5925b9149811bd4564fd0f');
INSERT INTO event VALUES('02457dce-3aa9-44ac-a53b-893764932a23',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.LAsDRw/a.motcua","events":"16"}','2e946dd37e972beb35f2c394f9d9ed89f8d0cb69f8c3e80b8d81dc2c2f4f3a93','08fd167d9ce884501aa5939ca71dd51448d94e09ca8fbd5a0b8114359a7d8ebc','658c1e01fbc71ee230d4af9c964b3c4aae863909c60b3a4b73f70911e63ffc4862015c0f8bc25d8525c1c4d1f40f6a32b4cfdb1012cb8f115fe65d463555e703');
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
INSERT INTO dossier VALUES('635cc9cb-9484-4574-869d-8897d1bcb459','000.17.22.H56-261116-1002','02457dce-3aa9-44ac-a53b-893764932a23','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('45f5e13b-87b1-451e-97f0-20c2d394ed14','000.17.22.H56-261116-1003','02457dce-3aa9-44ac-a53b-893764932a23','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('4ba17322-f2e6-4c0e-adf7-0ec336ab4843','000.17.22.H56-261116-1001','02457dce-3aa9-44ac-a53b-893764932a23','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
INSERT INTO dossier VALUES('c4682d9a-012d-4570-ad79-5c1d9b0eafc8','000.17.22.H56-261116-2001','ef5acada-7cf6-43b9-abd5-adc445f30029','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0);
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
INSERT INTO name_word VALUES('ba','45f5e13b-87b1-451e-97f0-20c2d394ed14');
INSERT INTO name_word VALUES('hoang','45f5e13b-87b1-451e-97f0-20c2d394ed14');
INSERT INTO name_word VALUES('van','45f5e13b-87b1-451e-97f0-20c2d394ed14');
INSERT INTO name_word VALUES('le','4ba17322-f2e6-4c0e-adf7-0ec336ab4843');
INSERT INTO name_word VALUES('mot','4ba17322-f2e6-4c0e-adf7-0ec336ab4843');
INSERT INTO name_word VALUES('van','4ba17322-f2e6-4c0e-adf7-0ec336ab4843');
INSERT INTO name_word VALUES('hai','635cc9cb-9484-4574-869d-8897d1bcb459');
INSERT INTO name_word VALUES('pham','635cc9cb-9484-4574-869d-8897d1bcb459');
INSERT INTO name_word VALUES('thi','635cc9cb-9484-4574-869d-8897d1bcb459');
INSERT INTO name_word VALUES('bon','c4682d9a-012d-4570-ad79-5c1d9b0eafc8');
INSERT INTO name_word VALUES('thi','c4682d9a-012d-4570-ad79-5c1d9b0eafc8');
INSERT INTO name_word VALUES('tran','c4682d9a-012d-4570-ad79-5c1d9b0eafc8');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029','000.17.22.H56',2,'{"ef5acada-7cf6-43b9-abd5-adc445f30029":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=65536,t=2,p=1$q2isHg8cE0LtbyiNr54Z1w$JYk7Vpg6ND/Sf6J704bSFByJuyIpJxcK4yVCeyq1Xmk',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=65536,t=2,p=1$Pn2TvXkg6j3gGyC84DxLsw$H4IoFUZi0K4wrP/jD2QvPkJiyT28zRiqlzXTxrF4eBM',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'ec04d8eedb01d5c078746250899c6207d0fff2ef3d1e2a4fedf14ebb9bf0cbdf','9426a1bc4f1f0e2851924c49c3011224b8019969343d7d0ba89842ab46fe4697ec04d8eedb01d5c078746250899c6207d0fff2ef3d1e2a4fedf14ebb9bf0cbdf','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('ef5acada-7cf6-43b9-abd5-adc445f30029','38fe56906f0b9b7ad75d86ccd49d7ab5498c1d6585ecc1db6a49febc742d4fe2','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
PRAGMA user_version = 10;
PRAGMA application_id = 1296258369;
