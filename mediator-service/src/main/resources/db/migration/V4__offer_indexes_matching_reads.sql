-- Matching reads a mediator's offers through offer_open_by_mediator and offer_mediator_offered_at only. An index
-- on offered_at alone gave the planner a second way to count recent offers, which reads every mediator's recent
-- offers when it is chosen; (mediator_id, status) is served by those two. Fewer indexes also make each offer's
-- insert cheaper.
drop index offer_offered_at;
drop index offer_mediator_status;
