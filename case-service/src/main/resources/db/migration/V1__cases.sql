-- Mediation centers: a case belongs to the center that registered it.
create table center (
    code      varchar(40) primary key,
    name      varchar(200) not null,
    area_code varchar(15) not null,
    address   varchar(500)
);

create sequence case_number_seq;

create table dispute_case (
    id                 uuid primary key,
    case_no            varchar(40) not null unique,
    center_code        varchar(40) not null references center (code),
    status             varchar(30) not null,
    channel            varchar(30) not null,
    subcategory        varchar(80) not null,
    area_code          varchar(15) not null,
    level              varchar(10) not null,
    summary            varchar(200) not null,
    description        text,
    amount_in_dispute  numeric(14, 2),
    risk_flags         varchar(200) not null default '',
    referral_source    varchar(100),
    referral_reference varchar(100),
    urgent             boolean not null default false,
    deadline           timestamptz not null,
    rejection_reason   varchar(1000),
    team_id            varchar(40),
    hearing_id         varchar(40),
    hearing_starts_at  timestamptz,
    hearing_venue      varchar(300),
    created_by         varchar(100) not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint not null default 0
);
create index dispute_case_center_status on dispute_case (center_code, status);
create index dispute_case_area on dispute_case (area_code varchar_pattern_ops);

create table party (
    id                 uuid primary key,
    case_id            uuid not null references dispute_case (id),
    position           integer not null,
    role               varchar(20) not null,
    kind               varchar(20) not null,
    name               varchar(200) not null,
    phone              varchar(40),
    id_number          varchar(40),
    email              varchar(200),
    language           varchar(20),
    preferred_channels varchar(100) not null default ''
);
create index party_case on party (case_id);

create table team_member (
    case_id     uuid not null references dispute_case (id),
    mediator_id varchar(40) not null,
    role        varchar(30) not null,
    name        varchar(200) not null,
    primary key (case_id, mediator_id, role)
);

-- What happened to a case, in order: the timeline shown to staff.
create table case_event (
    id       bigserial primary key,
    case_id  uuid not null references dispute_case (id),
    at       timestamptz not null,
    type     varchar(40) not null,
    actor    varchar(100) not null,
    detail   varchar(2000)
);
create index case_event_case on case_event (case_id, id);

-- Proof of service reported by notify-service.
create table notice_receipt (
    notice_id       varchar(40) primary key,
    case_id         uuid not null references dispute_case (id),
    party_id        varchar(40),
    channel         varchar(20),
    acknowledged_at timestamptz not null
);
