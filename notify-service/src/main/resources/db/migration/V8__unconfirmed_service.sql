-- How far the follow-up of a served document not confirmed has gone: 0 none, 1 sent again on another channel,
-- 2 handed to paper service, 3 left because its hearing has begun; raised under the notice's row lock, once.
alter table notice add column follow_up_stage smallint not null default 0;
alter table notice add column followed_up_at timestamptz;
-- the sweep reads the parties' documents still unconfirmed
create index notice_unconfirmed on notice (created_at)
    where acknowledged_at is null and not paper_delivery_required and recipient_kind = 'PARTY' and follow_up_stage < 2;
