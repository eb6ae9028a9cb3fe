-- The closed loop: step SLAs and supervision, escalation, summons, outcomes, ratings, follow-ups,
-- encrypted personal data with keyed lookup hashes, intake idempotency and the hash-chained audit trail.

-- Personal data is stored sealed (pd1.<keyId>.<…>); the application seals rows written before this version at startup.
alter table party alter column phone type varchar(300);
alter table party alter column id_number type varchar(300);
alter table party add column phone_hash varchar(64);
alter table party add column id_number_hash varchar(64);
alter table party add column vulnerabilities varchar(100) not null default '';

alter table dispute_case add column step varchar(20);
alter table dispute_case add column step_started_at timestamptz;
alter table dispute_case add column step_deadline timestamptz;
alter table dispute_case add column sla_state varchar(10) not null default 'ON_TRACK';
alter table dispute_case add column parties_hash varchar(64);
alter table dispute_case add column linked_case_id uuid references dispute_case (id);
alter table dispute_case add column outcome varchar(20);
alter table dispute_case add column outcome_reason varchar(1000);
alter table dispute_case add column outcome_at timestamptz;
alter table dispute_case add column referral_route varchar(20);
alter table dispute_case add column agreement_terms text;
alter table dispute_case add column agreement_amount numeric(14, 2);
alter table dispute_case add column performance_deadline date;
alter table dispute_case add column judicial_confirmation boolean;
alter table dispute_case add column judicial_confirmation_due date;
alter table dispute_case add column judicial_confirmation_applied_on date;
alter table dispute_case add column closed_at timestamptz;

update dispute_case set step = case status
        when 'RECEIVED' then 'FILE' when 'FILED' then 'DISPATCH'
        when 'DISPATCHED' then 'HEARING' when 'TEAM_ASSIGNED' then 'HEARING'
        when 'HEARING_SCHEDULED' then 'RESOLUTION' when 'IN_MEDIATION' then 'RESOLUTION' end,
    outcome = case when status in ('REJECTED', 'RESOLVED', 'UNRESOLVED', 'WITHDRAWN') then status end,
    step_started_at = updated_at,
    step_deadline = case when status in ('RECEIVED', 'FILED', 'DISPATCHED', 'TEAM_ASSIGNED', 'HEARING_SCHEDULED',
        'IN_MEDIATION') then deadline end;

create index dispute_case_open_step on dispute_case (step_deadline) where step is not null;
create index dispute_case_duplicates on dispute_case (parties_hash, subcategory, created_at);
create index dispute_case_created on dispute_case (created_at);

-- A retried intake with the same Idempotency-Key answers with the case the first attempt registered.
create table intake_request (
    actor           varchar(100) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64) not null,
    case_id         uuid not null,
    created_at      timestamptz not null default now(),
    primary key (actor, idempotency_key)
);

-- Reminders and automatic escalations already made: the unique key makes each happen once per case, step and
-- kind, whichever replica's supervision run gets there first.
create table supervision_reminder (
    case_id uuid not null references dispute_case (id),
    step    varchar(20) not null,
    kind    varchar(20) not null,
    sent_at timestamptz not null default now(),
    primary key (case_id, step, kind)
);

-- 吹哨报到: a department called in to a case, with its deadline and its answer.
create table summons (
    id            uuid primary key,
    case_id       uuid not null references dispute_case (id),
    department    varchar(40) not null,
    request_note  varchar(1000),
    deadline      timestamptz not null,
    status        varchar(20) not null,
    response_note varchar(1000),
    responded_at  timestamptz,
    responded_by  varchar(100),
    created_by    varchar(100) not null,
    created_at    timestamptz not null,
    version       bigint not null default 0
);
create index summons_case on summons (case_id);
create index summons_open on summons (deadline) where status = 'REQUESTED';

-- A party's rating of the service (评价), once per party.
create table rating (
    case_id  uuid not null references dispute_case (id),
    party_id uuid not null references party (id),
    score    smallint not null check (score between 1 and 5),
    comment  varchar(1000),
    rated_at timestamptz not null,
    primary key (case_id, party_id)
);

-- Staff follow-up visits (回访).
create table follow_up (
    id           uuid primary key,
    case_id      uuid not null references dispute_case (id),
    method       varchar(20) not null,
    note         varchar(2000) not null,
    agreement_performed boolean,
    visited_at   timestamptz not null,
    recorded_by  varchar(100) not null
);
create index follow_up_case on follow_up (case_id);

-- The audit trail: append-only and hash-chained. The chain is extended under a lock on its one head row, so
-- concurrent writers form a single sequence; each record's hash covers the previous hash, its position and the
-- digest of its content.
create table audit_head (
    id       smallint primary key check (id = 1),
    position bigint not null,
    hash     varchar(64) not null
);
insert into audit_head (id, position, hash) values (1, 0, repeat('0', 64));

create table audit_record (
    position       bigint primary key,
    at             timestamptz not null,
    actor          varchar(100) not null,
    role           varchar(20) not null,
    action         varchar(40) not null,
    case_id        uuid,
    before_digest  varchar(64),
    after_digest   varchar(64),
    content_digest varchar(64) not null,
    prev_hash      varchar(64) not null,
    hash           varchar(64) not null
);
create index audit_record_case on audit_record (case_id, position);

create function audit_record_chain() returns trigger language plpgsql as $$
declare
    head audit_head%rowtype;
begin
    select * into head from audit_head where id = 1 for update;
    new.position := head.position + 1;
    new.prev_hash := head.hash;
    new.hash := encode(sha256(convert_to(head.hash || ':' || new.position || ':' || new.content_digest, 'UTF8')), 'hex');
    update audit_head set position = new.position, hash = new.hash where id = 1;
    return new;
end
$$;
create trigger audit_record_chain before insert on audit_record for each row execute function audit_record_chain();

create function audit_record_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only (% refused)', tg_op using errcode = '42501';
end
$$;
create trigger audit_record_no_change before update or delete on audit_record
    for each row execute function audit_record_immutable();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_immutable();
create trigger audit_head_no_delete before delete or truncate on audit_head
    for each statement execute function audit_record_immutable();
revoke update, delete, truncate on audit_record from public;
