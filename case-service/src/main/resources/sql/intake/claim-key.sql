insert into intake_request (actor, idempotency_key, request_hash, case_id) values (?, ?, ?, ?)
on conflict do nothing
