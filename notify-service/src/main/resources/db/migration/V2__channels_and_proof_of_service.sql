-- A delivery being sent is SENDING: claimed by one dispatcher until next_attempt_at (its lease). One left SENDING
-- by a crash becomes due again when the lease runs out and is re-sent under the same idempotency key.
alter table delivery drop constraint delivery_state_known;
alter table delivery add constraint delivery_state_known
    check (state in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'ACKNOWLEDGED', 'FAILED'));
alter table delivery add column provider_message_id varchar(100);
alter table delivery add column sent_at timestamptz;
alter table delivery add column delivered_at timestamptz;
-- the delivery whose failure made this one (an SMS after a bounced e-mail)
alter table delivery add column fallback_for uuid references delivery (id);
drop index delivery_due;
create index delivery_due on delivery (next_attempt_at) where state in ('QUEUED', 'SENDING');
create index delivery_provider_message on delivery (provider_message_id) where provider_message_id is not null;

-- Every electronic channel failed: the grid worker serves the notice on paper.
alter table notice add column paper_delivery_required boolean not null default false;
alter table notice add column paper_delivery_reason varchar(1000);

-- Proof of service (送达回证): the resident confirmed receipt through the notice's signed link. One per notice.
create table receipt (
    notice_id       uuid primary key references notice (id),
    acknowledged_at timestamptz not null,
    channel         varchar(20) not null,
    ip              varchar(64),
    user_agent      varchar(500)
);
