with reach as materialized (
    -- materialized: each mediator's load and rotation are counted once, however often "judged" uses them
    select m.id, m.role, m.name, m.area_code, m.capacity, m.status, m.rating, m.expertise, m.languages,
           m.organization_key, m.phone, m.email, m.channels,
           -- an accepted place counts while its case is open: its team looked up by key, one by one
           (select count(*) from offer o
             where o.mediator_id = m.id and o.status in ('OFFERED', 'ACCEPTED')
               and (o.status = 'OFFERED'
                    or (select t.deadline from team t where t.id = o.team_id) > :now)) as load,
           (select count(*) from offer o where o.mediator_id = m.id and o.offered_at > :since) as recent,
           (select max(o.offered_at) from offer o where o.mediator_id = m.id) as last_offered
      from mediator m
     where m.role = any (:roles) and m.area_code = any (:reach) /*only*/
), declared as materialized (
    -- relations declared to the parties, through the key indexes (few, whoever declared them);
    -- materialized like "earlier", so however the kept plan joins it to the mediators it is looked up
    -- once; the inner query is fenced so no index is read whole for the order distinct on wants
    select distinct on (c.mediator_id) c.mediator_id, c.kind, c.party
      from (select c.mediator_id, c.kind, c.declared_at,
                   coalesce(c.party_name, c.id_number_masked, c.phone_masked) as party
              from declared_conflict c
             where c.name_key = any (:names) or c.id_number_hash = any (:ids)
                or c.phone_hash = any (:phones)
            offset 0) c
     order by c.mediator_id, c.kind, c.declared_at
), involved as materialized (
    -- the parties' earlier cases first, through the key indexes: never every accepted offer of the role
    select p.team_id
      from team_party p
     where p.team_id <> :team
       and (p.id_number_hash = any (:ids) or p.phone_hash = any (:phones)
            or (p.organization and p.name_key = any (:organizations)))
), earlier as materialized (
    -- each earlier team's offers by the team's key (a few), the accepted ones kept; the fence keeps the
    -- status test outside, where no index partial on statuses can be picked to read offers by it
    -- the latest earlier case per mediator and role, which an administrator's look-back window is held to
    select distinct on (o.mediator_id, o.role) o.mediator_id, o.role, o.case_no, o.created_at
      from involved i
     cross join lateral (select o.mediator_id, o.role, o.status,
                                (select t.case_no from team t where t.id = o.team_id) as case_no,
                                (select t.created_at from team t where t.id = o.team_id) as created_at
                           from offer o
                          where o.team_id = i.team_id and o.role = any (:roles)
                         offset 0) o
     where o.status = 'ACCEPTED'
     order by o.mediator_id, o.role, o.created_at desc, o.case_no
), judged as (
    select r.id, r.role, r.name, r.area_code, r.capacity, r.status, r.load, r.recent, r.last_offered,
           r.phone, r.email, r.languages, r.channels, d.kind as declared_kind, d.party as declared_party,
           e.case_no as earlier_case,
           case
               when r.status <> 'ACTIVE' then 'NOT_ACTIVE'
               when r.id = any (:asked) then 'ALREADY_OFFERED'
               when r.id = any (:struck) then 'STRUCK_BY_PARTY'
               when d.kind = 'FORMER_CLIENT' and r.role_is_lawyer then 'FORMER_CLIENT'
               when d.kind is not null then 'DECLARED_RELATION'
               -- earlier involvement excludes only where an administrator says so for the (sub)category,
               -- within the look-back window set; elsewhere it is the soft repeat-party factor
               when e.case_no is not null and e.created_at > :now::timestamptz - interval '1 day' * (
                       select x.look_back_days from earlier_involvement_rule x
                        where x.code in (:subcategory, :category)
                        order by length(x.code) desc limit 1) then 'EARLIER_INVOLVEMENT'
               when r.organization_key = any (:names) then 'OWN_ORGANIZATION'
               when r.unavailable then 'UNAVAILABLE'
               when r.load >= r.capacity then 'AT_CAPACITY'
           end as rule,
           case when :subcategory = any (string_to_array(r.expertise, ',')) then :subcategory_points
                when :category = any (string_to_array(r.expertise, ',')) then :category_points
                else 0 end::float8 as expertise_factor,
           greatest(0, length(r.area_code) / 3 - 2) * :level_points::float8 as proximity_factor,
           floor(-:load_points::float8 * r.load / r.capacity * 100 + 0.5) / 100 as load_factor,
           -- most parties speak only Chinese: then no mediator's languages need reading
           case when cardinality(:languages::varchar[]) = 0 then 0
                when exists (select 1 from unnest(string_to_array(r.languages, ',')) l
                              where lower(trim(split_part(l, '-', 1))) = any (:languages))
                then :language_points else 0 end::float8 as language_factor,
           coalesce(r.rating::float8, :unrated::float8) * :rating_points::float8 as rating_factor,
           0 - least(:most_rotation::float8, :rotation_points::float8 * r.recent) as rotation_factor,
           case when e.case_no is null then 0 else 0 - :repeat_party_points::float8 end as repeat_party_factor
      from (select reach.*, reach.role = 'LAWYER' as role_is_lawyer,
                   case
                       when :window_end::timestamptz is null or :window_end::timestamptz <= :now then false
                       when a.periods @> tstzrange(:now, :window_end::timestamptz) then true
                       -- no time away in a week or more: free whatever the pattern (a week holds each of
                       -- its hours once), so most mediators need no look at their hours
                       when a.periods is null and :window_end::timestamptz - :now >= interval '7 days'
                           then false
                       -- without a weekly pattern only time away counts (asked by key, per mediator)
                       when (select true from weekly_hours h where h.mediator_id = reach.id limit 1) is null
                           then false
                       else not exists (
                           select 1
                             from generate_series((:now at time zone 'Asia/Shanghai')::date::timestamp,
                                      (:window_end::timestamptz at time zone 'Asia/Shanghai')::date::timestamp,
                                      interval '1 day') as day
                             join weekly_hours h on h.mediator_id = reach.id
                                                and h.day_of_week = extract(isodow from day)
                            cross join lateral (
                                select tstzrange((day::date + h.starts) at time zone 'Asia/Shanghai',
                                                 (day::date + h.ends) at time zone 'Asia/Shanghai')
                                       * tstzrange(:now, :window_end::timestamptz) as hours) s
                            where not isempty(s.hours) and (a.periods is null or not a.periods @> s.hours))
                   end as unavailable
              from reach
             cross join lateral (
                 -- time away overlapping the window, the mediator's own periods read by key
                 select range_agg(tstzrange(u.starts_at, u.ends_at)) as periods
                   from unavailability u
                  where :window_end::timestamptz is not null and u.mediator_id = reach.id
                    and u.ends_at > :now and u.starts_at < :window_end::timestamptz) a) r
      left join declared d on d.mediator_id = r.id
      left join earlier e on e.mediator_id = r.id and e.role = r.role
), scored as (
    select j.*, floor((expertise_factor + proximity_factor + load_factor + language_factor + rating_factor
                       + rotation_factor + repeat_party_factor) * 100 + 0.5) / 100 as score
      from judged j
)
select s.*, c.counts
  from ((select * from (select scored.*, row_number() over (partition by role
                               order by score desc, last_offered asc nulls first, id collate "C") as place
                          from scored where rule is null) best
          where place <= :candidate_limit)
        union all
        (select * from (select scored.*, row_number() over (partition by role
                               order by score desc, id collate "C") as place
                          from scored where rule is not null) worst
          where place <= :excluded_limit)) s
  join (select role, string_agg(coalesce(rule, '') || '=' || n, ',') as counts
          from (select role, rule, count(*) as n from scored group by role, rule) g
         group by role) c on c.role = s.role
