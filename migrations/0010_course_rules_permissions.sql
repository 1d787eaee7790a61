-- Course rules as data, with their legal source and the date they took effect. When a rule changes, close
-- the old row (effective_to) and add a new one: classes keep the rule they were run under.
-- Red Cross first aid (Thông tư 17/2014/TT-BYT): 1 tiết = 45 minutes; ≤ 30 learners (20 for instructors), ≥ 2 trainers.
INSERT INTO course_types (code, family, name_vi, name_en, periods, hours, max_learners, min_trainers, prerequisite_code,
                          validity_months, refresher_months, refresher_hours, pass_mark, certificate_kind, legal_source, effective_from) VALUES
  ('CTD_SCC_1', 'red_cross_first_aid', 'Sơ cấp cứu cộng đồng – cấp độ I', 'Community first aid – level I', 24, 18, 30, 2, NULL,
   NULL, NULL, NULL, 5, 'certificate', 'Thông tư 17/2014/TT-BYT', '2014-07-15'),
  ('CTD_SCC_2', 'red_cross_first_aid', 'Sơ cấp cứu – cấp độ II', 'First aid – level II', 40, 30, 30, 2, 'CTD_SCC_1',
   NULL, NULL, NULL, 5, 'certificate', 'Thông tư 17/2014/TT-BYT', '2014-07-15'),
  ('CTD_HDV', 'red_cross_first_aid', 'Hướng dẫn viên sơ cấp cứu', 'First-aid instructor', 40, 30, 20, 2, 'CTD_SCC_2',
   NULL, NULL, NULL, 5, 'certificate', 'Thông tư 17/2014/TT-BYT', '2014-07-15'),
-- Workplace first aid (Thông tư 19/2016/TT-BYT): 4 h for every worker, 16 h for first-aiders, refreshed every year.
  ('SCC_NLD', 'workplace_first_aid', 'Sơ cứu, cấp cứu tại nơi làm việc – người lao động', 'Workplace first aid – workers', NULL, 4, 30, 2, NULL,
   12, 12, 4, 5, 'certificate', 'Thông tư 19/2016/TT-BYT', '2016-08-15'),
  ('SCC_LLSC', 'workplace_first_aid', 'Sơ cứu, cấp cứu tại nơi làm việc – lực lượng sơ cứu', 'Workplace first aid – first-aiders', NULL, 16, 30, 2, NULL,
   12, 12, 16, 5, 'certificate', 'Thông tư 19/2016/TT-BYT', '2016-08-15'),
-- OSH training (Nghị định 44/2016/NĐ-CP, amended by 140/2018/NĐ-CP): six groups; certificates and cards valid 2 years;
-- refresher at least every 2 years for ≥ 50% of the initial hours; group 4 yearly.
  ('ATVSLD_N1', 'osh', 'Huấn luyện ATVSLĐ – Nhóm 1 (người quản lý)', 'OSH training – group 1 (managers)', NULL, 16, NULL, 1, NULL,
   24, 24, 8, 5, 'certificate', 'Nghị định 44/2016/NĐ-CP', '2016-07-01'),
  ('ATVSLD_N2', 'osh', 'Huấn luyện ATVSLĐ – Nhóm 2 (người làm công tác ATVSLĐ)', 'OSH training – group 2 (OSH staff)', NULL, 48, NULL, 1, NULL,
   24, 24, 24, 5, 'certificate', 'Nghị định 44/2016/NĐ-CP', '2016-07-01'),
  ('ATVSLD_N3', 'osh', 'Huấn luyện ATVSLĐ – Nhóm 3 (công việc có yêu cầu nghiêm ngặt)', 'OSH training – group 3 (strict-OSH jobs)', NULL, 24, NULL, 1, NULL,
   24, 24, 12, 5, 'safety_card', 'Nghị định 44/2016/NĐ-CP', '2016-07-01'),
  ('ATVSLD_N4', 'osh', 'Huấn luyện ATVSLĐ – Nhóm 4 (người lao động khác)', 'OSH training – group 4 (other workers)', NULL, 16, NULL, 1, NULL,
   12, 12, 8, 5, 'attendance', 'Nghị định 44/2016/NĐ-CP', '2016-07-01'),
  ('ATVSLD_N5', 'osh', 'Huấn luyện ATVSLĐ – Nhóm 5 (người làm công tác y tế)', 'OSH training – group 5 (workplace health staff)', NULL, 56, NULL, 1, NULL,
   24, 24, 28, 5, 'certificate', 'Nghị định 44/2016/NĐ-CP', '2016-07-01'),
  ('ATVSLD_N6', 'osh', 'Huấn luyện ATVSLĐ – Nhóm 6 (an toàn, vệ sinh viên, bổ sung)', 'OSH training – group 6 (OSH volunteers, additional)', NULL, 4, NULL, 1, NULL,
   24, 24, 2, 5, 'certificate', 'Nghị định 44/2016/NĐ-CP', '2016-07-01')
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- Permissions for the training module and the person registry (roles are data).
UPDATE roles SET permissions = permissions || ARRAY['training.manage','person.manage','person.sensitive']
WHERE key IN ('system_admin', 'org_admin') AND NOT ('training.manage' = ANY (permissions));
--> statement-breakpoint
UPDATE roles SET permissions = permissions || ARRAY['person.manage']
WHERE key = 'data_entry' AND NOT ('person.manage' = ANY (permissions));
