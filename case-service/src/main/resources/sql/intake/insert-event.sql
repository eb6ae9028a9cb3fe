insert into case_event (case_id, at, type, actor, detail) values (?, ?, ?, ?, ?)
