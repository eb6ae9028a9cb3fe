-- The reminders sent before a hearing: one row per hearing, lead time and start, written in the transaction that
-- puts the reminder notices in the outbox, so that each is sent once, whichever replica's sweep gets there first.
-- A moved hearing has a new start, and so gets its reminders again.
create table hearing_reminder (
    hearing_id uuid        not null references hearing (id),
    lead       varchar(20) not null,
    starts_at  timestamptz not null,
    sent_at    timestamptz not null,
    primary key (hearing_id, lead, starts_at)
);
-- the sweep reads the live hearings starting soon
create index hearing_live_start on hearing (starts_at) where status in ('BOOKED', 'RESCHEDULED');
