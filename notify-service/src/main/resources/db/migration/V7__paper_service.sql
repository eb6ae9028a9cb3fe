-- When the notice's link was first opened (a served document viewed), and through which channel's link.
alter table notice add column opened_at timestamptz;
alter table notice add column opened_channel varchar(20);

-- Paper service (纸质送达) by a grid worker or staff, when nothing electronic reached the resident or they did not
-- confirm: who served it, when and where, who received it (the recipient, or another and how they are related), or
-- that it was refused before a witness (留置送达), with a photo of the signed slip. One per notice; it is the
-- notice's proof of service.
create table paper_service (
    notice_id         uuid primary key references notice (id),
    served_by         varchar(100) not null,
    served_at         timestamptz  not null,
    place             varchar(300) not null,
    received_by       varchar(100),
    relation          varchar(50),
    refused           boolean      not null,
    witness           varchar(100),
    slip              bytea        not null,
    slip_content_type varchar(50)  not null,
    slip_sha256       char(64)     not null,
    recorded_by       varchar(200) not null,
    recorded_at       timestamptz  not null,
    constraint paper_service_received_or_witnessed
        check ((refused and witness is not null) or (not refused and received_by is not null))
);
-- the centers' lists of paper services still to do
create index notice_paper_pending on notice (center_code, created_at)
    where paper_delivery_required and acknowledged_at is null;
