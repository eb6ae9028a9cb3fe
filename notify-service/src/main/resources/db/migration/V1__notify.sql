-- A notice to one recipient, rendered once when it is accepted. The idempotency key makes a repeated request
-- (an outbox retry, a concurrent duplicate) find the first notice instead of creating a second.
create table notice (
    id              uuid primary key,
    idempotency_key varchar(200) not null unique,
    kind            varchar(40) not null,
    case_id         varchar(64),
    case_no         varchar(40),
    recipient_kind  varchar(20) not null,
    recipient_id    varchar(100) not null,
    recipient_name  varchar(200),
    phone           varchar(40),
    email           varchar(200),
    language        varchar(20),
    fields          jsonb not null default '{}'::jsonb,
    urgent          boolean not null default false,
    title           varchar(300) not null,
    body            text not null,
    created_at      timestamptz not null,
    acknowledged_at timestamptz,
    version         bigint not null default 0
);
create index notice_recipient on notice (recipient_kind, recipient_id, created_at desc);
create index notice_case on notice (case_id);

-- One delivery of a notice per channel, with its retry state.
create table delivery (
    id              uuid primary key,
    notice_id       uuid not null references notice (id),
    channel         varchar(20) not null,
    state           varchar(20) not null,
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    updated_at      timestamptz not null,
    failure_reason  varchar(1000),
    version         bigint not null default 0,
    constraint delivery_once_per_channel unique (notice_id, channel),
    constraint delivery_state_known check (state in ('QUEUED', 'SENT', 'DELIVERED', 'ACKNOWLEDGED', 'FAILED'))
);
create index delivery_due on delivery (next_attempt_at) where state = 'QUEUED';
