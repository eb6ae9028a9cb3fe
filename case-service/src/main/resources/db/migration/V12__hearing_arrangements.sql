-- How a case's hearing is to be held, as staff asked at filing or when they asked for a hearing: an evening session,
-- on site in the village (屋场夜话), video allowed, an interpreter and the language. Sent with every hearing request.
create table hearing_arrangement (
    case_id              uuid primary key references dispute_case (id),
    evening              boolean not null,
    on_site              boolean not null,
    video_allowed        boolean not null,
    interpreter_language varchar(60),
    updated_at           timestamptz not null,
    updated_by           varchar(200) not null
);
