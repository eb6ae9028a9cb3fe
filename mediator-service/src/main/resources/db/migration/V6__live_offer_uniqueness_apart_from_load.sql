-- One live offer per role of a team stays unique, but its index no longer carries the same predicate as
-- offer_open_by_mediator. With both partial on "status in ('OFFERED', 'ACCEPTED')", a plan of the ranking made while
-- offer was nearly empty could count a mediator's open offers by reading this index whole (it has no mediator
-- column), once per mediator within reach, and kept doing so as offers grew. Its predicate is now a column of its own,
-- which the ranking's test of the status does not imply, so offer_open_by_mediator is the only index it can use.
alter table offer add column live boolean generated always as (status in ('OFFERED', 'ACCEPTED')) stored;
drop index offer_one_live_per_role;
create unique index offer_one_live_per_role on offer (team_id, role) where live;
