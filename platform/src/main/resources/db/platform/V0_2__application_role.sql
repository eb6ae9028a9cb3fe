-- Two roles per service database: Flyway migrates as the owner (this script runs as it), the service's datasource
-- logs in as the application's role ${app_role}, which owns nothing and so can neither change the schema nor drop
-- or disable a trigger. It reads and writes rows of the tables and draws from the sequences; a service's own later
-- migration takes back what one table must not allow (case-service: changing or removing audit records).
do $$
begin
    if current_user = '${app_role}' then
        raise exception 'migrations run as the database owner, not as the application''s role ${app_role}'
            using hint = 'set quarkus.flyway.username and quarkus.flyway.password to the owner''s login';
    end if;
end
$$;

grant connect on database ${flyway:database} to ${app_role};
grant usage on schema ${flyway:defaultSchema} to ${app_role};

-- what already exists (a database that had its tables before the roles were split)
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${app_role};
grant usage, select on all sequences in schema ${flyway:defaultSchema} to ${app_role};
-- Flyway's history is the owner's alone
revoke all on ${flyway:table} from ${app_role};

-- what the owner creates from here on, in this and every later migration; a versioned migration (not a repeatable
-- one, which would run after every versioned one) so that a later migration's revoke is never granted back
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema ${flyway:defaultSchema}
    grant usage, select on sequences to ${app_role};
