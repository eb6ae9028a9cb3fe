-- What a re-booking needs again: the request as case-service sent it (participants' contact details for the
-- notices, preferences, deadline), the notice state, and a sequence number that calendars use (RFC 5545 SEQUENCE).
alter table hearing add column request bytea;
alter table hearing add column deadline timestamptz;
alter table hearing add column prefer_evening boolean not null default false;
alter table hearing add column on_site boolean not null default false;
alter table hearing add column video_allowed boolean not null default false;
alter table hearing add column interpreter_needed boolean not null default false;
-- null while the booking is provisional: notices not yet sent, so an optimised plan may still move it
alter table hearing add column notified_at timestamptz;
alter table hearing add column sequence integer not null default 0;
alter table hearing add column cancel_reason varchar(500);
update hearing set notified_at = created_at;
create index hearing_provisional on hearing (starts_at) where (notified_at is null and status <> 'CANCELLED');

-- Every booking, move and cancellation of a hearing, oldest first: the hearing's history.
create table hearing_change (
    id              uuid primary key,
    hearing_id      uuid not null references hearing (id),
    case_id         uuid not null,
    kind            varchar(20) not null check (kind in ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'OPTIMISED', 'NOTIFIED')),
    cause           varchar(30) not null check (cause in ('BOOKING', 'PARTY_REQUEST', 'MEDIATOR_CONFLICT',
                                                         'VENUE_CLOSED', 'STAFF', 'OPTIMISATION', 'RELEASE')),
    reason          varchar(500),
    requested_by    varchar(100),
    old_starts_at   timestamptz,
    old_venue_id    uuid,
    new_starts_at   timestamptz,
    new_ends_at     timestamptz,
    new_venue_id    uuid,
    sequence        integer not null,
    changed_at      timestamptz not null
);
create index hearing_change_hearing on hearing_change (hearing_id, changed_at);
create index hearing_change_case_cause on hearing_change (case_id, cause);

-- Optimisation jobs a supervisor starts: what they covered, how far they got, the score before and after.
create table plan_job (
    id              uuid primary key,
    requested_by    varchar(100) not null,
    area_code       varchar(15) not null,
    horizon_from    timestamptz not null,
    horizon_to      timestamptz not null,
    status          varchar(20) not null check (status in ('SOLVING', 'APPLIED', 'FAILED')),
    hearings_planned integer not null default 0,
    hearings_pinned integer not null default 0,
    hearings_moved  integer not null default 0,
    score_before    varchar(60),
    best_score      varchar(60),
    score_after     varchar(60),
    improvements    integer not null default 0,
    error           varchar(1000),
    created_at      timestamptz not null,
    finished_at     timestamptz,
    version         bigint not null default 0
);
