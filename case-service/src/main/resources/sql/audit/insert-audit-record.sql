insert into audit_record (at, actor, role, action, case_id, before_digest, after_digest, content_digest,
    position, prev_hash, hash)
values (?, ?, ?, ?, ?, ?, ?, ?, 0, '', '')
