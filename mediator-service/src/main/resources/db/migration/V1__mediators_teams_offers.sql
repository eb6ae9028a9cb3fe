-- The pool: 三官三师 and people's mediators who may be offered a place on a case's team.
create table mediator (
    id           varchar(20) primary key,
    name         varchar(100) not null,
    role         varchar(30) not null,
    -- the area the mediator serves: a county-level mediator serves every township and village in the county
    area_code    varchar(15) not null,
    organization varchar(200),
    phone        varchar(40),
    email        varchar(200),
    languages    varchar(200) not null default 'zh-CN',
    -- comma-separated taxonomy codes, a category (LABOUR) or a subcategory (LABOUR.WAGE_ARREARS)
    expertise    varchar(2000) not null default '',
    -- how many open cases (offers and accepted places) the mediator takes at once
    capacity     integer not null check (capacity > 0),
    rating       numeric(2, 1) check (rating between 0 and 5),
    active       boolean not null default true,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint not null default 0
);
create index mediator_role_area on mediator (role, area_code varchar_pattern_ops);

-- The weekly pattern of when a mediator can attend hearings, in Asia/Shanghai local time.
create table weekly_hours (
    id          bigserial primary key,
    mediator_id varchar(20) not null references mediator (id),
    day_of_week smallint not null check (day_of_week between 1 and 7),
    starts      time not null,
    ends        time not null,
    check (starts < ends)
);
create index weekly_hours_mediator on weekly_hours (mediator_id);

-- Leave, trials, training: periods the weekly pattern does not apply.
create table unavailability (
    id          uuid primary key,
    mediator_id varchar(20) not null references mediator (id),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    reason      varchar(200),
    check (starts_at < ends_at)
);
create index unavailability_mediator on unavailability (mediator_id, starts_at);

-- People or organisations a mediator may not mediate for (relatives, former clients, employers).
create table declared_conflict (
    id          uuid primary key,
    mediator_id varchar(20) not null references mediator (id),
    party_name  varchar(200) not null,
    reason      varchar(500),
    declared_at timestamptz not null
);
create index declared_conflict_mediator on declared_conflict (mediator_id);

-- A case's team, from the request of case-service until every required role has accepted.
create table team (
    id          uuid primary key,
    case_id     uuid not null unique,
    case_no     varchar(40) not null,
    subcategory varchar(80) not null,
    area_code   varchar(15) not null,
    level       varchar(10) not null,
    center_code varchar(40) not null,
    risk_flags  varchar(200) not null default '',
    deadline    timestamptz not null,
    status      varchar(30) not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    formed_at   timestamptz,
    version     bigint not null default 0
);
create index team_center_status on team (center_code, status);

create table team_required_role (
    team_id  uuid not null references team (id),
    position integer not null,
    role     varchar(30) not null,
    primary key (team_id, position)
);

-- The parties as matching needs them: names for conflicts of interest, languages for the language match.
create table team_party (
    team_id  uuid not null references team (id),
    position integer not null,
    name     varchar(200) not null,
    language varchar(20),
    primary key (team_id, position)
);

-- An offer of one role on one team to one mediator (派单); declined and expired offers stay as history.
create table offer (
    id             uuid primary key,
    team_id        uuid not null references team (id),
    role           varchar(30) not null,
    mediator_id    varchar(20) not null references mediator (id),
    status         varchar(20) not null,
    score          numeric(7, 2),
    -- each soft rule's contribution to the score, as JSON, so staff can see why this mediator was chosen
    explanation    text,
    offered_by     varchar(100) not null,
    offered_at     timestamptz not null,
    expires_at     timestamptz not null,
    responded_at   timestamptz,
    decline_reason varchar(500),
    version        bigint not null default 0
);
create index offer_team on offer (team_id);
create index offer_mediator_status on offer (mediator_id, status);
create index offer_due on offer (expires_at) where status = 'OFFERED';
-- a role of a team has at most one offer that is open or accepted
create unique index offer_one_live_per_role on offer (team_id, role) where status in ('OFFERED', 'ACCEPTED');
