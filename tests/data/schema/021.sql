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
INSERT INTO meta VALUES('station_id','86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f');
INSERT INTO meta VALUES('station_number','1');
INSERT INTO meta VALUES('own_seq_high:86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f','11');
INSERT INTO meta VALUES('own_seq_high:86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f:at','2026-11-16T09:40:00+07:00');
INSERT INTO meta VALUES('catalog_version','1');
INSERT INTO meta VALUES('catalog_issued','2025-07-01');
INSERT INTO meta VALUES('catalog_issuer','UBND tỉnh Thử');
INSERT INTO meta VALUES('catalog_sample','0');
INSERT INTO meta VALUES('catalog_note','Tệp thử / test file');
INSERT INTO meta VALUES('code_high:000.17.22.H56-261116-1','3');
INSERT INTO meta VALUES('book_high:86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f:01/2026','3');
INSERT INTO meta VALUES('book_high:4f662fae-e03d-4f8e-9b67-5716b635fbc9:02/2026','1');
CREATE TABLE station (
	id      TEXT PRIMARY KEY,          -- random UUID made at init
	number  INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9),
	unit    TEXT NOT NULL,             -- unit (agency) code
	self    INTEGER NOT NULL DEFAULT 0 CHECK (self IN (0, 1)),
	created TEXT NOT NULL
) STRICT;
INSERT INTO station VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',1,'000.17.22.H56',1,'2026-11-16T07:30:00+07:00');
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
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','e5b4a3978b8cdcbe38787ef6e8cb02475f4d1dfd064c6ffd1b8957a2da2958cc','f48ea33a8f16614feaf6d01b6bc21a8b55f42fd6c364c9c4e73a62fc4d24c5db276c2454194978119692436e4be4f67a9986c85b4702348949faba94528e830c');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','e5b4a3978b8cdcbe38787ef6e8cb02475f4d1dfd064c6ffd1b8957a2da2958cc','56c97309edb080fc1bfbe006bcce1a5eb021ec23fe28abb9ba39e476cdeea94e','fa4a43746db0078dc1170ad6178874516e719fda3e2dc6c058746e2586c2c2123263860b61c6dd87e2c90711f5e556cfac10a4fdd8bf22f78bad3e9ca0bbb30f');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-021/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','56c97309edb080fc1bfbe006bcce1a5eb021ec23fe28abb9ba39e476cdeea94e','98588da2360f53d9a1f17a778934c6eabb72d341e07e7e7128c70d1e843a4074','b09e46652631bef9aabc9872e34beb5766fa305ef323acab75a44a82ebdedca3e03f4a4c939fc29a97f0fe3c5f7d2da0e586653ddf9e0f67e5dcaca9765c6405');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',4,'2026-11-16T08:00:00+07:00','lan','57240453-4d47-4da9-ac6c-2713de03608a','receive','{"code":"000.17.22.H56-261116-1001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Lê Văn Một","id":"087084000001","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:00:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":1,"channel":"direct"}','98588da2360f53d9a1f17a778934c6eabb72d341e07e7e7128c70d1e843a4074','35382fe9050fdab05c4c8597bd2df2931483e075fb978b797c99ecd5aa4d2112','dc1ad809c0ed9f559b091b6f1eed8441e4e34ebe9af2f3b8f428c51c90d6b47c281a3df4b941ac126bf786d9c0d38366485668d084e3f79caadab7aefa322709');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',5,'2026-11-16T08:10:00+07:00','lan','250568f8-88fe-413f-b94b-900dce7586f9','receive','{"code":"000.17.22.H56-261116-1002","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Phạm Thị Hai","id":"087084000002","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:10:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":2,"channel":"direct"}','35382fe9050fdab05c4c8597bd2df2931483e075fb978b797c99ecd5aa4d2112','bc5371f0955815e1055986fe651484b63933085170e275e63d07ceba507c7244','c3f401feeed93ea4bc40dfd2c8976deec76749e4b6412d3f74d4fdf1c0c5e37ebf7f86994306ead123a2b143271d2a82fcd5919c1c5003c1bd11f3d53ffd1a05');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',6,'2026-11-16T08:20:00+07:00','lan','55db8d64-bd42-404b-b14f-1e0c8d1bcd5d','receive','{"code":"000.17.22.H56-261116-1003","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Hoàng Văn Ba","id":"087084000003","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:20:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"01/2026","book_no":3,"channel":"direct"}','bc5371f0955815e1055986fe651484b63933085170e275e63d07ceba507c7244','d55eb8ad9c97746914b5fa8bd6c014636279c69b0c41dff3a81127663a673e59','756e96724cbdeef6a19dcedd54a82c958e65a3abc089c090ac5cd5ebb2e4f50495a6d968234ab857d6cef00634d1644dec6f8534adaa54ba78f1dbec57cdd302');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',7,'2026-11-16T09:00:00+07:00','lan','57240453-4d47-4da9-ac6c-2713de03608a','handover','{"to":"Công chức Tư pháp"}','d55eb8ad9c97746914b5fa8bd6c014636279c69b0c41dff3a81127663a673e59','9e054a5e428fc610892cca024042d2c846e2d1a878f89e0a0957fc9161a5f5d7','982d8a9860cdf7e2cfd1480aed8d8d228feb408e820b24a5304321007a6927abb97d0070915e00843a1725bab55ec9243bed2410a8e148a7f424f99ead61a706');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',8,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"7F19-937D-FE52-8235","number":"2","unit":"000.17.22.H56","station":"4f662fae-e03d-4f8e-9b67-5716b635fbc9","public":"9894d43716da380eab43d43d307146ba58998c76aaff05c4c9967316386b1bf5"}','9e054a5e428fc610892cca024042d2c846e2d1a878f89e0a0957fc9161a5f5d7','82ee40f0116ccbb68514fa801a2017a600ba99ab733fa2fbfd79cfe2707cba66','c986cf9059d945f20b2f591adbc449e447fe0bf041b3dabaf3312ba4c28871f1fed81efeacbb1f9616a5b6eb4b2ca9110b0ab8af5c575b639ceb97fbba80eb09');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',9,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.1L3lCT/card.motcua","events":"8"}','82ee40f0116ccbb68514fa801a2017a600ba99ab733fa2fbfd79cfe2707cba66','d9cc4f2be25eaac70cae0ba04b34f0f2e89014cde0d9271b5a6fbcdc4b591290','0025ddbf44f33ad00dab20af972e7d7d7b1b9a3c6f785edf87f17b17d656b47c1ccfcdd9397efed8f99225e82a6f04e448f9c4aaa318fd84e6d5c8147f42b909');
INSERT INTO event VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9',1,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"truong","full_name":"Trần Văn Trưởng","role":"supervisor"}','','a7ae01c08452097429b7e89ba83514bf3af9fc9c52c857db7ee0baeec39062dc','74e3eb35f6ee6e3b7f6b03a6baebb2a45b919747a8f72ea1f966f3169ed5dffdd9860453fba19ec050c9e467cb4f0148a55adcaff601c0b78ec1fac27e0c1f00');
INSERT INTO event VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9',2,'2026-11-16T07:30:00+07:00','truong','','officer_add','{"username":"lan","full_name":"Nguyễn Thị Lan","role":"officer"}','a7ae01c08452097429b7e89ba83514bf3af9fc9c52c857db7ee0baeec39062dc','ef9e1a04504f46d85cfd1e4c6c9399f55f21a0c306d1234069b2215e36fa7f8b','74ea56155b4e6729b77114ffe9c2e5d448bd7caee917dac0f0644eb369d4707ce116bd5ecf962e5f9647bb7ed736a29b82c50a612b9f887f425c46b40ddd0b0b');
INSERT INTO event VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9',3,'2026-11-16T07:30:00+07:00','truong','','catalog_import','{"file":"/tmp/old-021/tests/data/catalog-good.json","new":"3","amended":"0","abolished":"0"}','ef9e1a04504f46d85cfd1e4c6c9399f55f21a0c306d1234069b2215e36fa7f8b','1b7acd2dcd245b2d95c4f0cff2e844f661668b3a05dff290553d41fdf4d44079','118694fbb1535027bf614483bb3dc55c4453e1d69e1feb5be4ec145bead91236ddd18c9e1714d69fe46e4d391ebbf2cb2107578ce856cad1277dee6337178908');
INSERT INTO event VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9',4,'2026-11-16T08:30:00+07:00','lan','2a5cc83f-955e-4284-8301-873a2d2cd2ea','receive','{"code":"000.17.22.H56-261116-2001","procedure":{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","field":"Hộ tịch","time_limit":"same day","fee":0,"documents":[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}],"decided_by":null,"routing":"decide"},"applicant":{"name":"Trần Thị Bốn","id":"087084000004","birth_date":null,"phone":null,"address":"Ấp 3, xã Mỹ An","email":null},"delivery":"counter","received":"2026-11-16T08:30:00+07:00","due":"2026-11-16T17:00:00+07:00","book":"02/2026","book_no":1,"channel":"direct"}','1b7acd2dcd245b2d95c4f0cff2e844f661668b3a05dff290553d41fdf4d44079','812e552ac23f5732fbd02994f5f442ddb199d0412a3b77f10d3c01f4c87a328f','901ff3e0cf1903fefeaad96a6ee610f18daf8133479dcf99ec87e71382fcdddc351cb3be885438889e8e84758968671164b8613d7fa47fd46936d12b9d3c340a');
INSERT INTO event VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9',5,'2026-11-16T09:10:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.1L3lCT/card.motcua","events":"4"}','812e552ac23f5732fbd02994f5f442ddb199d0412a3b77f10d3c01f4c87a328f','d94c8ceaaccc49e2a3fe3a3fc68b093869ae97aedee7223adb3c4d28b27a2ff4','0029917fbf97c9e912ff3d508bc8ca1cfd8f4e4d596c461c657cdc6f0f44f2b601bcc7500ac4ff4cfd185a546341bf498b8fbab13feb5bd8940eb5dc367d9005');
INSERT INTO event VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9',6,'2026-11-16T09:10:00+07:00','truong','','trust','{"fingerprint":"61BB-28F8-7EBC-C0A7","number":"1","unit":"000.17.22.H56","station":"86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f","public":"e3ff50e0d6e17c09406a8c3806bdfb743b1420d430e502f04e4d09b140635013"}','d94c8ceaaccc49e2a3fe3a3fc68b093869ae97aedee7223adb3c4d28b27a2ff4','2ebff72865324a446fd48860c60bf80f610ce7d07bd5b01495af5320e9370f0d','3bd1dca8ddee659071f3b2f6fe00bcc3c96bb87b74a2ee6750734aaf4b982ac8635ddc03c87236049ce3a104b7e77030246594dc0e641786db3f486c6ae6a10c');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',10,'2026-11-16T09:30:00+07:00','truong','','import','{"file":"/tmp/motcua-fixture.1L3lCT/b.motcua","events":"6","sender":"4f662fae-e03d-4f8e-9b67-5716b635fbc9"}','d9cc4f2be25eaac70cae0ba04b34f0f2e89014cde0d9271b5a6fbcdc4b591290','e725a9f9b142f6afd17b1f4f2d6b72f928103b2a58af4d3a47f566cae662a1d0','9ce3e94d11b333a7a3edc93ec1313340a96a7f7bab19d6e8bedaa4aa3e98598070f196395c0534ca8d2cbb116b6f42122f1cdc0e194ae5200726632471be8b0d');
INSERT INTO event VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f',11,'2026-11-16T09:40:00+07:00','lan','','export','{"file":"/tmp/motcua-fixture.1L3lCT/a.motcua","events":"16"}','e725a9f9b142f6afd17b1f4f2d6b72f928103b2a58af4d3a47f566cae662a1d0','bc1b021e077da07dd326e9499abdaecc9f399776eff6bcf54f82fa86379161a2','a765d51db30ce9a62434139a80d1b6b37d40c5d8ad1fa25624958f44fd3fc7292a4172f4f53edd801c2ac007b4f8ced78366ad38495a201df5e6ea88c1cef108');
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
INSERT INTO dossier VALUES('250568f8-88fe-413f-b94b-900dce7586f9','000.17.22.H56-261116-1002','86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Phạm Thị Hai','087084000002',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','pham thi hai','2026-11-16T08:10:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:10:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',2,NULL,'decide');
INSERT INTO dossier VALUES('55db8d64-bd42-404b-b14f-1e0c8d1bcd5d','000.17.22.H56-261116-1003','86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Hoàng Văn Ba','087084000003',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','hoang van ba','2026-11-16T08:20:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:20:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',3,NULL,'decide');
INSERT INTO dossier VALUES('57240453-4d47-4da9-ac6c-2713de03608a','000.17.22.H56-261116-1001','86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Lê Văn Một','087084000001',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','le van mot','2026-11-16T08:00:00+07:00','2026-11-16T17:00:00+07:00','processing','2026-11-16T09:00:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00','Công chức Tư pháp',NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','01/2026',1,NULL,'decide');
INSERT INTO dossier VALUES('2a5cc83f-955e-4284-8301-873a2d2cd2ea','000.17.22.H56-261116-2001','4f662fae-e03d-4f8e-9b67-5716b635fbc9','lan','1.001193','Thủ tục đăng ký khai sinh','Hộ tịch','same day',0,'[{"position":1,"name":"Tờ khai đăng ký khai sinh","form":"original","quantity":1,"required":true,"received":true},{"position":2,"name":"Giấy chứng sinh","form":"original","quantity":1,"required":true,"received":true}]','Trần Thị Bốn','087084000004',NULL,NULL,'Ấp 3, xã Mỹ An',NULL,'counter','tran thi bon','2026-11-16T08:30:00+07:00','2026-11-16T17:00:00+07:00','received','2026-11-16T08:30:00+07:00','ap 3, xa my an','2026-11-16T17:00:00+07:00',NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'direct','02/2026',1,NULL,'decide');
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
INSERT INTO name_word VALUES('hai','250568f8-88fe-413f-b94b-900dce7586f9');
INSERT INTO name_word VALUES('pham','250568f8-88fe-413f-b94b-900dce7586f9');
INSERT INTO name_word VALUES('thi','250568f8-88fe-413f-b94b-900dce7586f9');
INSERT INTO name_word VALUES('bon','2a5cc83f-955e-4284-8301-873a2d2cd2ea');
INSERT INTO name_word VALUES('thi','2a5cc83f-955e-4284-8301-873a2d2cd2ea');
INSERT INTO name_word VALUES('tran','2a5cc83f-955e-4284-8301-873a2d2cd2ea');
INSERT INTO name_word VALUES('ba','55db8d64-bd42-404b-b14f-1e0c8d1bcd5d');
INSERT INTO name_word VALUES('hoang','55db8d64-bd42-404b-b14f-1e0c8d1bcd5d');
INSERT INTO name_word VALUES('van','55db8d64-bd42-404b-b14f-1e0c8d1bcd5d');
INSERT INTO name_word VALUES('le','57240453-4d47-4da9-ac6c-2713de03608a');
INSERT INTO name_word VALUES('mot','57240453-4d47-4da9-ac6c-2713de03608a');
INSERT INTO name_word VALUES('van','57240453-4d47-4da9-ac6c-2713de03608a');
CREATE TABLE peer (
	station TEXT PRIMARY KEY,
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	vector  TEXT NOT NULL,             -- JSON {"<station id>": n, …}
	heard   TEXT NOT NULL              -- when its last bundle was imported
) STRICT;
INSERT INTO peer VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9','000.17.22.H56',2,'{"4f662fae-e03d-4f8e-9b67-5716b635fbc9":6}','2026-11-16T09:30:00+07:00');
CREATE TABLE officer_login (
	username     TEXT PRIMARY KEY REFERENCES officer(username),
	-- crypto_pwhash_str: "$argon2id$v=19$m=…,t=…,p=…$salt$hash", which
	-- carries its own salt and parameters; NULL = no password set yet
	hash         TEXT CHECK (hash IS NULL OR hash LIKE '$argon2%'),
	must_change  INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
	failures     INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
	locked_until TEXT                  -- ISO 8601 +07:00; NULL = not locked
) STRICT;
INSERT INTO officer_login VALUES('truong','$argon2id$v=19$m=7168,t=5,p=1$ywKb1rPvBYJifH88L+SfSw$pnBkRapUzzGpDmWdx7rXhW8JXpWRRLwzS5q8cmqheBU',0,0,NULL);
INSERT INTO officer_login VALUES('lan','$argon2id$v=19$m=7168,t=5,p=1$OZK7Wht+JFi5wy/U1NX+LA$TpJDoA4bRm3CLe6sADtIZxXv/e/GYoMIN+L1lxZgZHw',0,0,NULL);
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
INSERT INTO station_key VALUES(1,'e3ff50e0d6e17c09406a8c3806bdfb743b1420d430e502f04e4d09b140635013','ead05d498cc82e0a13351a58b52514e1e80f8363c4cb215e5a4aa9d3b482f089e3ff50e0d6e17c09406a8c3806bdfb743b1420d430e502f04e4d09b140635013','2026-11-16T07:30:00+07:00');
CREATE TABLE trust (
	station TEXT PRIMARY KEY,
	public  TEXT NOT NULL UNIQUE CHECK (length(public) = 64),
	unit    TEXT NOT NULL,
	number  INTEGER NOT NULL,
	trusted TEXT NOT NULL,
	officer TEXT NOT NULL,
	revoked TEXT
) STRICT;
INSERT INTO trust VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9','9894d43716da380eab43d43d307146ba58998c76aaff05c4c9967316386b1bf5','000.17.22.H56',2,'2026-11-16T09:10:00+07:00','truong',NULL);
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
INSERT INTO procedure_use VALUES('4f662fae-e03d-4f8e-9b67-5716b635fbc9','1.001193',1);
INSERT INTO procedure_use VALUES('86b2f7f6-c48b-4989-9c7d-d5d0dce0ed8f','1.001193',3);
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
PRAGMA user_version = 21;
PRAGMA application_id = 1296258369;
