-- A team's required and optional roles are a few role codes read and written with the team: kept on its row, a new
-- team is one insert instead of three.
alter table team add column required_roles varchar(30)[] not null default '{}',
                 add column optional_roles varchar(30)[] not null default '{}';

update team t
   set required_roles = coalesce((select array_agg(r.role order by r.position) from team_required_role r
                                   where r.team_id = t.id), '{}'),
       optional_roles = coalesce((select array_agg(r.role order by r.position) from team_optional_role r
                                   where r.team_id = t.id), '{}');

drop table team_required_role;
drop table team_optional_role;
