-- How a department answered its summons: who comes and when (报到), and whether through its signed link (LINK) or
-- by phone, recorded by staff (PHONE).
alter table summons add column attendee varchar(100);
alter table summons add column arrives_at timestamptz;
alter table summons add column responded_via varchar(10);
