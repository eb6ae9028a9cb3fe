-- Profile status replaces the on/off flag. "active" stays, always equal to status = 'ACTIVE' (the trigger below);
-- a row inserted the old way with active = false is read as SUSPENDED.
alter table mediator add column status varchar(20) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'ON_LEAVE', 'SUSPENDED'));
update mediator set status = 'SUSPENDED' where not active;
create function mediator_active_follows_status() returns trigger language plpgsql as $fn$
begin
    if tg_op = 'INSERT' and not new.active and new.status = 'ACTIVE' then
        new.status := 'SUSPENDED';
    end if;
    new.active := new.status = 'ACTIVE';
    return new;
end
$fn$;
create trigger mediator_active_follows_status before insert or update on mediator
    for each row execute function mediator_active_follows_status();
alter table mediator add column organization_kind varchar(40);
-- preferred notice channels for offers, comma-separated (IN_APP always applies)
alter table mediator add column channels varchar(100) not null default 'IN_APP,SMS,EMAIL';
-- the organisation's name as the own-organisation conflict rule compares it: no spaces, ASCII brackets, lower case
alter table mediator add column organization_key varchar(200)
    generated always as (lower(translate(regexp_replace(organization, '[[:space:]　]+', '', 'g'), '（）', '()'))) stored;
create index mediator_search on mediator (area_code varchar_pattern_ops, role, status);

-- Unavailability says what kind of exception it is: leave, a court day, training.
alter table unavailability add column kind varchar(20) not null default 'OTHER'
    check (kind in ('LEAVE', 'COURT_DAY', 'TRAINING', 'OTHER'));

-- Declared relations to a party and a lawyer's former clients, by name, ID number or phone. ID numbers and phones
-- are personal information: only a keyed hash (to compare) and a masked form (to show) are kept.
alter table declared_conflict add column kind varchar(20) not null default 'RELATION'
    check (kind in ('RELATION', 'FORMER_CLIENT'));
alter table declared_conflict alter column party_name drop not null;
alter table declared_conflict add column name_key varchar(200)
    generated always as (lower(translate(regexp_replace(party_name, '[[:space:]　]+', '', 'g'), '（）', '()'))) stored;
alter table declared_conflict add column id_number_hash varchar(64);
alter table declared_conflict add column id_number_masked varchar(40);
alter table declared_conflict add column phone_hash varchar(64);
alter table declared_conflict add column phone_masked varchar(40);
alter table declared_conflict add constraint declared_conflict_identifies_someone
    check (name_key is not null or id_number_hash is not null or phone_hash is not null);
create index declared_conflict_name on declared_conflict (name_key) where name_key is not null;
create index declared_conflict_id_number on declared_conflict (id_number_hash) where id_number_hash is not null;
create index declared_conflict_phone on declared_conflict (phone_hash) where phone_hash is not null;

-- Parties as conflict checks and party choice need them: who they are across cases, without the raw numbers.
alter table team_party add column party_id varchar(64);
alter table team_party add column party_role varchar(20);
alter table team_party add column organization boolean not null default false;
alter table team_party add column name_key varchar(200);
alter table team_party add column id_number_hash varchar(64);
alter table team_party add column phone_hash varchar(64);
update team_party set name_key = lower(translate(regexp_replace(name, '[[:space:]　]+', '', 'g'), '（）', '()'));
create index team_party_name on team_party (name_key) where organization;
create index team_party_id_number on team_party (id_number_hash) where id_number_hash is not null;
create index team_party_phone on team_party (phone_hash) where phone_hash is not null;

-- Roles a team may add besides the required ones, from the team rule in force when the case was filed.
create table team_optional_role (
    team_id  uuid not null references team (id),
    position integer not null,
    role     varchar(30) not null,
    primary key (team_id, position)
);

-- Matching reads load (open offers, accepted places) and rotation (recent offers) per candidate through these.
create index offer_open_by_mediator on offer (mediator_id) include (status, team_id) where status in ('OFFERED', 'ACCEPTED');
create index offer_mediator_offered_at on offer (mediator_id, offered_at);
create index offer_offered_at on offer (offered_at);
create index team_party_team on team_party (team_id);

-- Team rules admins changed: for a category, a subcategory or a risk flag. Without a row the taxonomy decides.
create table team_rule (
    code           varchar(80) primary key,
    scope          varchar(20) not null check (scope in ('CATEGORY', 'SUBCATEGORY', 'RISK_FLAG')),
    required_roles varchar(300) not null,
    optional_roles varchar(300) not null default '',
    updated_by     varchar(100) not null,
    updated_at     timestamptz not null,
    version        bigint not null default 0
);
-- a threat of violence needs a police officer at the table
insert into team_rule (code, scope, required_roles, optional_roles, updated_by, updated_at)
values ('VIOLENCE_THREAT', 'RISK_FLAG', 'POLICE_OFFICER', '', 'default', now());

-- The audit trail of what people did to teams by hand: assignments with their reason, party-choice lists.
create table team_audit (
    id          uuid primary key,
    team_id     uuid not null references team (id),
    action      varchar(40) not null,
    role        varchar(30),
    mediator_id varchar(20),
    actor       varchar(100) not null,
    reason      varchar(500),
    at          timestamptz not null
);
create index team_audit_team on team_audit (team_id, at);

-- Party choice (strike-and-rank): staff publish a short list for a role, each party strikes and ranks it.
create table choice_list (
    id           uuid primary key,
    team_id      uuid not null references team (id),
    role         varchar(30) not null,
    status       varchar(20) not null check (status in ('OPEN', 'DECIDED', 'CANCELLED')),
    -- the order the mediators are offered in once decided, comma-separated
    decided_order varchar(2000),
    published_by varchar(100) not null,
    published_at timestamptz not null,
    closes_at    timestamptz not null,
    decided_at   timestamptz,
    version      bigint not null default 0
);
create unique index choice_list_one_open_per_role on choice_list (team_id, role) where status = 'OPEN';
create index choice_list_team on choice_list (team_id);

create table choice_list_mediator (
    list_id     uuid not null references choice_list (id),
    position    integer not null,
    mediator_id varchar(20) not null references mediator (id),
    primary key (list_id, position)
);

-- One party's answer: each listed mediator either struck (rank null) or ranked 1 = most preferred.
create table choice_ballot (
    list_id      uuid not null references choice_list (id),
    party_id     varchar(64) not null,
    mediator_id  varchar(20) not null,
    rank         integer check (rank > 0),
    submitted_at timestamptz not null,
    primary key (list_id, party_id, mediator_id)
);
