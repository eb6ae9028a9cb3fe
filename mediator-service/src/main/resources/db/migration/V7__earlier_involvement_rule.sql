-- Having mediated an earlier case with a party is no ground for 回避 in itself (kinship, interest and relations that
-- could affect fairness are): by default it only lowers a mediator's score, so a repeat party's cases (an employer
-- with many unpaid workers) spread over the pool. An administrator makes it a hard exclusion for a category or a
-- subcategory, within a look-back window; the subcategory's rule wins over its category's.
create table earlier_involvement_rule (
    code           varchar(80) primary key,
    look_back_days integer not null check (look_back_days between 1 and 3650),
    updated_by     varchar(100) not null,
    updated_at     timestamptz not null,
    version        bigint not null default 0
);
