-- Hearings that scheduling-service cancelled. A cancelled hearing never comes back, so a report of its time that
-- arrives late (a retried delivery overtaken by the cancellation) is recognised here and ignored.
create table cancelled_hearing (
    hearing_id   varchar(40) primary key,
    case_id      uuid not null references dispute_case (id),
    cancelled_at timestamptz not null
);

-- What a new hearing request needs of the team after a cancellation, as mediator-service reported it: the order
-- of the team's roles and each mediator's contacts (the phone sealed like parties' phones, under its key id).
alter table team_member add column position integer;
alter table team_member add column phone varchar(300);
alter table team_member add column email varchar(200);
