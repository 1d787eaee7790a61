-- Built-in roles. Permissions are data: a new role is a row, not a code change.
INSERT INTO roles (key, name_vi, name_en, permissions, is_builtin) VALUES
  ('system_admin', 'Quản trị hệ thống', 'System administrator', ARRAY['org.read','org.write','user.manage','audit.read','admin_unit.manage','report.write','system.admin'], true),
  ('org_admin', 'Quản trị tổ chức', 'Organisation administrator', ARRAY['org.read','org.write','user.manage','audit.read','report.write'], true),
  ('data_entry', 'Nhập liệu', 'Data entry', ARRAY['org.read','report.write'], true),
  ('viewer', 'Xem', 'Viewer', ARRAY['org.read'], true)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
-- The 34 provinces and centrally-run cities in force from 1/7/2025 (Công văn 915/CTK-CSCL; QĐ 19/2025/QĐ-TTg).
INSERT INTO admin_units (code, name, level, kind, province_code) VALUES
  ('01', 'Thành phố Hà Nội', 'province', 'thanh_pho', NULL),
  ('04', 'Cao Bằng', 'province', 'tinh', NULL),
  ('08', 'Tuyên Quang', 'province', 'tinh', NULL),
  ('11', 'Điện Biên', 'province', 'tinh', NULL),
  ('12', 'Lai Châu', 'province', 'tinh', NULL),
  ('14', 'Sơn La', 'province', 'tinh', NULL),
  ('15', 'Lào Cai', 'province', 'tinh', NULL),
  ('19', 'Thái Nguyên', 'province', 'tinh', NULL),
  ('20', 'Lạng Sơn', 'province', 'tinh', NULL),
  ('22', 'Quảng Ninh', 'province', 'tinh', NULL),
  ('24', 'Bắc Ninh', 'province', 'tinh', NULL),
  ('25', 'Phú Thọ', 'province', 'tinh', NULL),
  ('31', 'Thành phố Hải Phòng', 'province', 'thanh_pho', NULL),
  ('33', 'Hưng Yên', 'province', 'tinh', NULL),
  ('37', 'Ninh Bình', 'province', 'tinh', NULL),
  ('38', 'Thanh Hóa', 'province', 'tinh', NULL),
  ('40', 'Nghệ An', 'province', 'tinh', NULL),
  ('42', 'Hà Tĩnh', 'province', 'tinh', NULL),
  ('44', 'Quảng Trị', 'province', 'tinh', NULL),
  ('46', 'Thành phố Huế', 'province', 'thanh_pho', NULL),
  ('48', 'Thành phố Đà Nẵng', 'province', 'thanh_pho', NULL),
  ('51', 'Quảng Ngãi', 'province', 'tinh', NULL),
  ('52', 'Gia Lai', 'province', 'tinh', NULL),
  ('56', 'Khánh Hòa', 'province', 'tinh', NULL),
  ('66', 'Đắk Lắk', 'province', 'tinh', NULL),
  ('68', 'Lâm Đồng', 'province', 'tinh', NULL),
  ('75', 'Đồng Nai', 'province', 'tinh', NULL),
  ('79', 'Thành phố Hồ Chí Minh', 'province', 'thanh_pho', NULL),
  ('80', 'Tây Ninh', 'province', 'tinh', NULL),
  ('82', 'Đồng Tháp', 'province', 'tinh', NULL),
  ('86', 'Vĩnh Long', 'province', 'tinh', NULL),
  ('91', 'An Giang', 'province', 'tinh', NULL),
  ('92', 'Thành phố Cần Thơ', 'province', 'thanh_pho', NULL),
  ('96', 'Cà Mau', 'province', 'tinh', NULL)
ON CONFLICT (code) DO NOTHING;
