-- A hearing that took place (HELD) or did not (NOT_HELD: it is closed like a cancellation and frees its slot).
alter table hearing_change drop constraint hearing_change_kind_check;
alter table hearing_change add constraint hearing_change_kind_check
    check (kind in ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'OPTIMISED', 'NOTIFIED', 'HELD', 'NOT_HELD'));
