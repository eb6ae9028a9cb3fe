-- The case's center and area, so that staff read their center's notices and supervisors their jurisdiction's.
-- Copied from case-service when the notice is accepted; scope_pending marks a notice whose case could not be read
-- yet (case-service unreachable), retried in the background. A notice without a case or scope is read by admins
-- and its recipient only.
alter table notice add column center_code varchar(40);
alter table notice add column area_code varchar(15);
alter table notice add column scope_pending boolean not null default false;
create index notice_center on notice (center_code, created_at desc);
create index notice_area on notice (area_code varchar_pattern_ops);
create index notice_scope_pending on notice (case_id) where scope_pending;
