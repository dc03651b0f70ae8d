-- Chương trình cải cách hành chính (issue 18 §1): the province's programme, its phases and groups of
-- solutions, effective-dated targets (computed by motcua or reported by a unit with an evidence file),
-- yearly plans (kế hoạch CCHC năm) and their tasks with progress reports. Files are the
-- content-addressed `files` rows of the existing storage. Every change is audited in audit_log.
CREATE TABLE reform_programmes (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_en text NOT NULL,
  source text NOT NULL
);

CREATE TABLE reform_phases (
  programme_id text NOT NULL REFERENCES reform_programmes (id),
  id text NOT NULL,
  name text NOT NULL,
  from_year smallint NOT NULL,
  to_year smallint NOT NULL CHECK (to_year >= from_year),
  PRIMARY KEY (programme_id, id)
);

CREATE TABLE reform_solution_groups (
  programme_id text NOT NULL REFERENCES reform_programmes (id),
  id text NOT NULL,
  area text NOT NULL CHECK (area IN ('institutions', 'administrative_procedures', 'apparatus', 'civil_service',
    'public_finance', 'digital_government')),
  name text NOT NULL,
  PRIMARY KEY (programme_id, id)
);

CREATE TABLE reform_programme_targets (
  id uuid PRIMARY KEY,
  programme_id text NOT NULL,
  key text NOT NULL,
  title text NOT NULL,
  title_en text NOT NULL,
  area text NOT NULL,
  solution_group_id text,
  phase_id text NOT NULL,
  -- NULL: the phase's target, used for each of its years without one of their own
  year smallint,
  kind text NOT NULL CHECK (kind IN ('computed', 'reported')),
  measure text,
  responsible_agency_id text,
  comparator text NOT NULL CHECK (comparator IN ('below', 'at_least')),
  value numeric NOT NULL CHECK (value >= 0),
  effective_from date NOT NULL,
  basis text NOT NULL,
  illustrative boolean NOT NULL,
  FOREIGN KEY (programme_id, phase_id) REFERENCES reform_phases (programme_id, id),
  CHECK ((kind = 'computed') = (measure IS NOT NULL))
);
-- One row per revision: a key's target for a phase or year changes by a later effective date.
CREATE UNIQUE INDEX reform_programme_targets_revision
  ON reform_programme_targets (programme_id, key, phase_id, (COALESCE(year, 0)), effective_from);

CREATE TABLE reform_target_reports (
  id uuid PRIMARY KEY,
  programme_id text NOT NULL,
  target_key text NOT NULL,
  year smallint NOT NULL,
  agency_id text NOT NULL REFERENCES agencies (id),
  value numeric NOT NULL CHECK (value >= 0),
  note text NOT NULL,
  evidence_sha256 text NOT NULL REFERENCES files (sha256),
  evidence_name text NOT NULL,
  reported_by text NOT NULL,
  reported_at timestamptz NOT NULL
);
CREATE INDEX reform_target_reports_year ON reform_target_reports (programme_id, year);

CREATE TABLE reform_plans (
  programme_id text NOT NULL REFERENCES reform_programmes (id),
  year smallint NOT NULL,
  name text NOT NULL,
  decision text NOT NULL,
  PRIMARY KEY (programme_id, year)
);

CREATE TABLE reform_tasks (
  id uuid PRIMARY KEY,
  programme_id text NOT NULL,
  plan_year smallint NOT NULL,
  area text NOT NULL,
  solution_group_id text,
  title text NOT NULL,
  output text NOT NULL,
  agency_id text NOT NULL REFERENCES agencies (id),
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('assigned', 'in_progress', 'completion_requested', 'done')),
  completed_on date,
  version integer NOT NULL,
  FOREIGN KEY (programme_id, plan_year) REFERENCES reform_plans (programme_id, year)
);
CREATE INDEX reform_tasks_board ON reform_tasks (programme_id, plan_year, agency_id);

CREATE TABLE reform_task_reports (
  id uuid PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES reform_tasks (id),
  kind text NOT NULL CHECK (kind IN ('progress', 'completion_requested', 'approved', 'returned')),
  percent smallint CHECK (percent BETWEEN 0 AND 100),
  note text NOT NULL,
  evidence_sha256 text REFERENCES files (sha256),
  evidence_name text,
  reported_by text NOT NULL,
  reported_at timestamptz NOT NULL
);
CREATE INDEX reform_task_reports_task ON reform_task_reports (task_id, reported_at);

-- The demo province's programme 2021–2030 (rules.md "Reform programme" gives each number's source).
INSERT INTO reform_programmes (id, name, name_en, source) VALUES
  ('cchc-2021-2030', 'Chương trình cải cách hành chính nhà nước tỉnh giai đoạn 2021–2030',
   'The province''s State administrative reform programme 2021–2030',
   'Carries out Resolution 76/NQ-CP of 15/07/2021 (master programme 2021–2030); the provincial decision adopting it is not recorded (illustrative)');
INSERT INTO reform_phases (programme_id, id, name, from_year, to_year) VALUES
  ('cchc-2021-2030', '2021-2025', 'Giai đoạn 2021–2025', 2021, 2025),
  ('cchc-2021-2030', '2026-2030', 'Giai đoạn 2026–2030', 2026, 2030);
INSERT INTO reform_solution_groups (programme_id, id, area, name) VALUES
  ('cchc-2021-2030', 'g1-the-che', 'institutions', 'Hoàn thiện thể chế, nâng cao chất lượng văn bản quy phạm pháp luật'),
  ('cchc-2021-2030', 'g2-tthc', 'administrative_procedures', 'Cắt giảm, đơn giản hóa thủ tục hành chính; thực hiện cơ chế một cửa, một cửa liên thông'),
  ('cchc-2021-2030', 'g3-bo-may', 'apparatus', 'Sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả'),
  ('cchc-2021-2030', 'g4-cong-vu', 'civil_service', 'Xây dựng đội ngũ cán bộ, công chức, viên chức chuyên nghiệp'),
  ('cchc-2021-2030', 'g5-tai-chinh', 'public_finance', 'Đổi mới cơ chế quản lý tài chính công'),
  ('cchc-2021-2030', 'g6-chinh-phu-so', 'digital_government', 'Xây dựng chính quyền điện tử, chính quyền số'),
  ('cchc-2021-2030', 'g7-chi-dao', 'administrative_procedures', 'Chỉ đạo, điều hành, kiểm tra, tuyên truyền cải cách hành chính (illustrative seventh group)');
INSERT INTO reform_programme_targets
  (id, programme_id, key, title, title_en, area, solution_group_id, phase_id, year, kind, measure,
   responsible_agency_id, comparator, value, effective_from, basis, illustrative) VALUES
  ('0b9f0c1e-33a0-4e0a-9d01-000000000001', 'cchc-2021-2030', 'late_rate', 'Tỷ lệ hồ sơ trễ hạn', 'Share of late dossiers',
   'administrative_procedures', 'g2-tthc', '2021-2025', NULL, 'computed', 'late_rate', NULL, 'below', 0.10, '2021-01-01',
   'Issue 18 (the province''s report: late dossiers under 10%); no published decision recorded', true),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000002', 'cchc-2021-2030', 'late_rate', 'Tỷ lệ hồ sơ trễ hạn', 'Share of late dossiers',
   'administrative_procedures', 'g2-tthc', '2026-2030', NULL, 'computed', 'late_rate', NULL, 'below', 0.10, '2026-01-01',
   'Issue 18 (late dossiers under 10%), carried into the second phase; illustrative', true),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000003', 'cchc-2021-2030', 'satisfaction', 'Mức độ hài lòng của người dân, doanh nghiệp', 'Satisfaction of citizens and businesses',
   'administrative_procedures', 'g2-tthc', '2021-2025', NULL, 'computed', 'satisfaction', NULL, 'at_least', 0.80, '2021-01-01',
   'Issue 18 (satisfaction over 80%); Resolution 76/NQ-CP''s own satisfaction target was not read', true),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000004', 'cchc-2021-2030', 'satisfaction', 'Mức độ hài lòng của người dân, doanh nghiệp', 'Satisfaction of citizens and businesses',
   'administrative_procedures', 'g2-tthc', '2026-2030', NULL, 'computed', 'satisfaction', NULL, 'at_least', 0.80, '2026-01-01',
   'Issue 18 (satisfaction over 80%), carried into the second phase; illustrative', true),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000005', 'cchc-2021-2030', 'full_process_share', 'Tỷ lệ thủ tục cung cấp trực tuyến toàn trình', 'Share of procedures offered fully online',
   'digital_government', 'g6-chinh-phu-so', '2021-2025', NULL, 'computed', 'full_process_share', NULL, 'at_least', 0.80, '2021-01-01',
   'Resolution 76/NQ-CP 2021: at least 80% of procedures online at levels 3 and 4 by 2025 (as summarised by VGP and NAPA)', false),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000006', 'cchc-2021-2030', 'full_process_share', 'Tỷ lệ thủ tục cung cấp trực tuyến toàn trình', 'Share of procedures offered fully online',
   'digital_government', 'g6-chinh-phu-so', '2026-2030', NULL, 'computed', 'full_process_share', NULL, 'at_least', 0.90, '2026-01-01',
   'Resolution 76/NQ-CP 2021: at least 90% online at levels 3 and 4 by 2030 (as summarised by VGP and NAPA)', false),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000007', 'cchc-2021-2030', 'online_payment', 'Tỷ lệ thanh toán trực tuyến', 'Share of fees paid online',
   'digital_government', 'g6-chinh-phu-so', '2021-2025', NULL, 'computed', 'online_payment', NULL, 'at_least', 0.80, '2021-01-01',
   'Resolution 76/NQ-CP 2021: at least 80% of procedures with financial obligations paid online by 2025 (luatvietnam summary); motcua measures dossiers, not procedures', false),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000008', 'cchc-2021-2030', 'cut_procedures', 'Tỷ lệ thủ tục được cắt giảm, đơn giản hóa', 'Share of procedures cut or simplified',
   'administrative_procedures', 'g2-tthc', '2021-2025', NULL, 'computed', 'cut_procedures', NULL, 'at_least', 0.20, '2021-01-01',
   'Resolution 76/NQ-CP 2021: cut or simplify at least 20% of business-related procedures by 2025', false),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000009', 'cchc-2021-2030', 'e_result_share', 'Tỷ lệ kết quả điện tử', 'Share of electronic results',
   'digital_government', 'g6-chinh-phu-so', '2026-2030', NULL, 'computed', 'e_result_share', NULL, 'at_least', 0.80, '2026-01-01',
   'motcua default (reform_targets, migration 0010); not a published decision', true),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000010', 'cchc-2021-2030', 'index_766', 'Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)', 'Decision 766 service index score',
   'administrative_procedures', 'g2-tthc', '2026-2030', NULL, 'computed', 'index_766', NULL, 'at_least', 80, '2026-01-01',
   'Illustrative: 80 of 100 points; no provincial decision recorded', true),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000011', 'cchc-2021-2030', 'e_documents_share', 'Tỷ lệ văn bản gửi, nhận dưới dạng điện tử', 'Share of documents sent electronically',
   'digital_government', 'g6-chinh-phu-so', '2026-2030', NULL, 'reported', NULL, 'so-noi-vu', 'at_least', 0.90, '2026-01-01',
   'Illustrative; reported by the Department of Home Affairs until the documents module (issue 17) counts it', true),
  ('0b9f0c1e-33a0-4e0a-9d01-000000000012', 'cchc-2021-2030', 'par_index_rank', 'Thứ hạng Chỉ số CCHC (PAR Index) của tỉnh', 'The province''s PAR index rank',
   'apparatus', 'g7-chi-dao', '2026-2030', NULL, 'reported', NULL, 'so-noi-vu', 'below', 11, '2026-01-01',
   'Illustrative: among the first ten of 34 provinces (rank under 11), reported from the Ministry of Home Affairs'' publication', true);
