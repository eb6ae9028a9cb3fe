-- A party's rating of the mediation (评价), given on the page of their evaluation invitation; one per notice.
-- case-service keeps the rating of record (one per party, by whichever way it came); this is what the link gave.
create table notice_rating (
    notice_id uuid primary key references notice (id),
    score smallint not null check (score between 1 and 5),
    comment text,
    rated_at timestamptz not null
);
