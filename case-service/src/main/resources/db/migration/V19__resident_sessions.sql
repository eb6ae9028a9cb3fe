-- 我的案件: a resident's short session, opened by the one-time code sent to their phone (every case where that phone
-- is a party's) or by a notice's signed link (that notice's case and party). The session's secret is kept only as
-- its lookup hash; the phone likewise.
create table resident_session (
    id          uuid primary key,
    token_hash  varchar(64) not null unique,
    phone_hash  varchar(64),
    case_id     uuid references dispute_case (id),
    party_id    uuid,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    check (phone_hash is not null or (case_id is not null and party_id is not null))
);
create index resident_session_expiry on resident_session (expires_at);
