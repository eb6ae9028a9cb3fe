-- Exclusion constraints that mix "=" on uuid/varchar with "&&" on ranges need the btree_gist operator classes.
-- btree_gist is a trusted extension: the database owner may create it without superuser rights.
create extension if not exists btree_gist;

-- Where hearings take place: a mediation room at a center, or an on-site venue (屋场夜话 in a village hall).
-- Opening hours are local times in Asia/Shanghai.
create table venue (
    id          uuid primary key,
    center_code varchar(40) not null,
    name        varchar(200) not null,
    address     varchar(500) not null,
    kind        varchar(20) not null check (kind in ('ROOM', 'ON_SITE')),
    capacity    integer not null check (capacity > 0),
    opens       time not null,
    closes      time not null,
    has_video   boolean not null default false,
    active      boolean not null default true,
    version     bigint not null default 0,
    check (opens < closes),
    unique (center_code, name)
);

-- A hearing (调解会) of a case. The database, not the application, makes double booking impossible:
-- a venue holds at most one non-cancelled hearing at any instant.
create table hearing (
    id              uuid primary key,
    case_id         uuid not null,
    case_no         varchar(40) not null,
    center_code     varchar(40) not null,
    area_code       varchar(15) not null,
    venue_id        uuid not null references venue (id),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    status          varchar(20) not null check (status in ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'HELD')),
    within_deadline boolean not null,
    urgent          boolean not null default false,
    created_at      timestamptz not null,
    version         bigint not null default 0,
    check (starts_at < ends_at),
    -- the target of hearing_participant's copy of times and status
    unique (id, starts_at, ends_at, status),
    constraint hearing_venue_no_overlap exclude using gist (
        venue_id with =, tstzrange(starts_at, ends_at) with &&) where (status <> 'CANCELLED')
);
-- at most one live hearing per case: a repeated request finds it instead of booking another
create unique index hearing_one_live_per_case on hearing (case_id) where (status <> 'CANCELLED');
create index hearing_starts on hearing (starts_at);
create index hearing_center on hearing (center_code, starts_at);

-- Who attends: team mediators and parties. Times and status are copies of the hearing's, kept equal by the
-- composite foreign key (ON UPDATE CASCADE), so that the exclusion constraint can see them: a participant is in
-- at most one non-cancelled hearing at any instant.
create table hearing_participant (
    id             uuid primary key,
    hearing_id     uuid not null,
    participant_id varchar(40) not null,
    kind           varchar(20) not null check (kind in ('MEDIATOR', 'PARTY')),
    name           varchar(200) not null,
    role           varchar(100),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    status         varchar(20) not null,
    unique (hearing_id, participant_id),
    foreign key (hearing_id, starts_at, ends_at, status)
        references hearing (id, starts_at, ends_at, status) on update cascade on delete cascade,
    constraint hearing_participant_no_overlap exclude using gist (
        participant_id with =, tstzrange(starts_at, ends_at) with &&) where (status <> 'CANCELLED')
);
create index hearing_participant_hearing on hearing_participant (hearing_id);
