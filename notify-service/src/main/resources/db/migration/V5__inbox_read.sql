-- When the recipient opened an in-app notice in their inbox. Reading is not receipt: a resident's confirmation of
-- service stays acknowledged_at with its proof. The partial index counts a recipient's unread notices.
alter table notice add column read_at timestamptz;
create index notice_unread on notice (recipient_kind, recipient_id) where read_at is null;
