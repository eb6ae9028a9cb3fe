-- 网上申请: the one-time codes a resident's phone receives to apply online. The code itself is never stored: only
-- HMAC-SHA256 under the lookup key of (row id, code); the phone and the client address likewise only as lookup
-- hashes, enough to count codes per number and per address within the hour.
create table one_time_code (
    id           uuid primary key,
    purpose      varchar(20) not null,
    phone_hash   varchar(64) not null,
    address_hash varchar(64) not null,
    center_code  varchar(30) references center (code),
    code_hash    varchar(64) not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    attempts     integer not null default 0,
    used_at      timestamptz
);
create index one_time_code_phone on one_time_code (phone_hash, created_at);
create index one_time_code_address on one_time_code (address_hash, created_at);

-- the number residents call about their case, shown on every resident page
alter table center add column phone varchar(30);
