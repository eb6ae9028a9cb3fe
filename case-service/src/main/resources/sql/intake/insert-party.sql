insert into party (id, case_id, position, role, kind, name, phone, id_number, email, language,
    preferred_channels, phone_hash, id_number_hash, vulnerabilities)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
