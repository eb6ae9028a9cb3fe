select case_id, request_hash from intake_request where actor = ? and idempotency_key = ?
