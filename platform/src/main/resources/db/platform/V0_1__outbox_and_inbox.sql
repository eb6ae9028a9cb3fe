-- Messages to other services, written in the same transaction as the change that caused them.
create table outbox_message (
    id              uuid primary key,
    topic           varchar(100) not null,
    payload         bytea not null,
    created_at      timestamptz not null default now(),
    next_attempt_at timestamptz not null default now(),
    attempts        integer not null default 0,
    delivered_at    timestamptz,
    last_error      varchar(1000)
);
create index outbox_message_due on outbox_message (next_attempt_at) where delivered_at is null;

-- Messages from other services already applied here, so that a repeated one changes nothing.
create table processed_message (
    message_id   varchar(100) primary key,
    processed_at timestamptz not null default now()
);
