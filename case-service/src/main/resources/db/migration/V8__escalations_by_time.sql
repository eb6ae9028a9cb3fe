-- The supervisors' list of escalations reads the few escalation events newest first, not every event of every case.
create index case_event_escalated on case_event (at desc) where type = 'ESCALATED';
