-- The board's counts per status and SLA state are kept as cases change instead of counted on every page (a county
-- center holds 100,000 cases over the years). A trigger appends a -1 row for what a case was and a +1 row for what it
-- is, in the changing transaction; rows are only ever added, so concurrent intakes never wait on one another.
-- CaseTallies folds the added rows into one row per group every few seconds; a count is a sum of a few rows.
create table case_tally (
    id          bigint generated always as identity primary key,
    center_code varchar(40) not null,
    area_code   varchar(15) not null,
    status      varchar(30) not null,
    sla_state   varchar(10) not null,
    timed       boolean     not null,
    cases       bigint      not null
);
create index case_tally_center on case_tally (center_code);
create index case_tally_area on case_tally (area_code varchar_pattern_ops);

create function case_tally_follow() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into case_tally (center_code, area_code, status, sla_state, timed, cases)
        values (old.center_code, old.area_code, old.status, old.sla_state, old.step is not null, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into case_tally (center_code, area_code, status, sla_state, timed, cases)
        values (new.center_code, new.area_code, new.status, new.sla_state, new.step is not null, 1);
    end if;
    return null;
end $$;

create trigger dispute_case_tally_insert_delete after insert or delete on dispute_case
    for each row execute function case_tally_follow();
-- an update that writes every column (as the ORM does) counts only when a counted value really changed
create trigger dispute_case_tally_update after update on dispute_case
    for each row when (old.center_code is distinct from new.center_code or old.area_code is distinct from new.area_code
        or old.status is distinct from new.status or old.sla_state is distinct from new.sla_state
        or (old.step is null) <> (new.step is null))
    execute function case_tally_follow();

insert into case_tally (center_code, area_code, status, sla_state, timed, cases)
select center_code, area_code, status, sla_state, step is not null, count(*)
from dispute_case group by center_code, area_code, status, sla_state, step is not null;
