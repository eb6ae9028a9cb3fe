-- 吹哨报到: when the supervisors were told that a summons went past its deadline unanswered. Set once, by the run
-- of supervision whose update claims the row, so each overdue summons alerts them once across runs and replicas.
alter table summons add column overdue_alerted_at timestamptz;
