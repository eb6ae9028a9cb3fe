-- Matching asks, per mediator in reach, for time away that overlaps the case's window (ends after now): read only
-- the current and future periods, not the whole history.
create index unavailability_mediator_ends on unavailability (mediator_id, ends_at) include (starts_at);
