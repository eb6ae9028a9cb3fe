-- The audit trail is append-only for the application's role ${app_role} by its rights, not only by the triggers
-- of V2 (which it could not drop or disable anyway: it owns no table): it may add records and read them, never
-- change, remove or truncate one, nor move the chain's head.
revoke update, delete, truncate on audit_record from ${app_role};
revoke insert, update, delete, truncate on audit_head from ${app_role};

-- The chain trigger moves the head for the inserting application: it runs with its owner's rights, on a fixed
-- search path so that no object of the caller's can stand in for audit_head.
alter function audit_record_chain() security definer set search_path = ${flyway:defaultSchema}, pg_temp;
