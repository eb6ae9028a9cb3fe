insert into dispute_case (id, case_no, center_code, status, channel, subcategory, area_code, level,
    summary, description, amount_in_dispute, risk_flags, referral_source, referral_reference, urgent,
    deadline, created_by, created_at, updated_at, version, step, step_started_at, step_deadline, sla_state,
    parties_hash, linked_case_id)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
