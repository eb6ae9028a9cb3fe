-- The workbench's board asks for a center's counts per status and SLA state on every page, and sorts by the running
-- step's deadline: both read a center's rows by index instead of scanning its cases (the counts from the index alone).
create index dispute_case_center_counts on dispute_case (center_code, status, sla_state) include (step);
create index dispute_case_center_deadline on dispute_case (center_code, step_deadline, created_at, id);
