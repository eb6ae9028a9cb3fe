-- A summons unanswered at its deadline first reminds the department (department_reminded_at); only when it is
-- still unanswered after the grace are the supervisors alerted (overdue_alerted_at). Each update claims its step.
alter table summons add column department_reminded_at timestamptz;
