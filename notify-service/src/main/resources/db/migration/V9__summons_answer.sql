-- A summoned department's answer on the page of its summons (吹哨报到通知): 报到 with who comes and when, or
-- declined with the reason. One per notice; case-service keeps the answer of record.
create table summons_answer (
    notice_id   uuid primary key references notice (id),
    response    varchar(10)  not null check (response in ('REPORTED', 'DECLINED')),
    attendee    varchar(100),
    arrives_at  timestamptz,
    note        varchar(1000),
    answered_at timestamptz  not null,
    constraint summons_answer_complete
        check ((response = 'REPORTED' and attendee is not null and arrives_at is not null)
            or (response = 'DECLINED' and note is not null))
);
