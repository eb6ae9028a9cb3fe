-- The reminders an agreement gives rise to: the judicial-confirmation window closing, the performance deadline
-- near, and the follow-up due once it has passed. One row per case, kind, lead and date, written in the
-- transaction that puts the notices in the outbox, so each is sent once whichever replica's sweep gets there first;
-- a changed date gets its reminders again.
create table agreement_reminder (
    case_id uuid        not null references dispute_case (id),
    kind    varchar(30) not null,
    lead    varchar(20) not null,
    due     date        not null,
    sent_at timestamptz not null,
    primary key (case_id, kind, lead, due)
);
-- the sweeps read the agreements whose dates come up soon
create index dispute_case_confirmation_window on dispute_case (judicial_confirmation_due)
    where judicial_confirmation and judicial_confirmation_applied_on is null;
create index dispute_case_performance_deadline on dispute_case (performance_deadline)
    where performance_deadline is not null;
