-- A mediator's secret calendar address: a calendar app fetches the feed with a token in the URL, since it cannot
-- send a header. Only the token's SHA-256 is kept; renewing replaces it, so the old address stops working at once.
create table calendar_subscription (
    mediator_id  varchar(40) primary key,
    token_sha256 char(64)    not null unique,
    created_at   timestamptz not null
);
