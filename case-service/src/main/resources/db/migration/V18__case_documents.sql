-- A case's documents: evidence, ID copies, the agreement (调解协议书), minutes (笔录), notices, proofs of service.
-- The bytes live in the store named by `store` under `storage_key` (POSTGRES: a large object's oid; S3: an object
-- key); a deletion by staff only marks the row with who, when and why: the bytes stay until `retain_until`.
create table case_document (
    id              uuid primary key,
    case_id         uuid not null references dispute_case (id),
    kind            varchar(20) not null check (kind in
                        ('EVIDENCE', 'ID_COPY', 'AGREEMENT', 'MINUTES', 'NOTICE', 'PROOF_OF_SERVICE', 'OTHER')),
    file_name       varchar(255) not null,
    content_type    varchar(120) not null,
    size_bytes      bigint not null check (size_bytes > 0),
    sha256          char(64) not null,
    party_id        uuid references party (id),
    uploaded_by     varchar(200) not null,
    uploaded_role   varchar(20) not null,
    uploaded_at     timestamptz not null,
    store           varchar(10) not null check (store in ('POSTGRES', 'S3')),
    storage_key     varchar(200) not null,
    deleted_at      timestamptz,
    deleted_by      varchar(200),
    deletion_reason varchar(500),
    retain_until    date,
    check ((deleted_at is null) = (deletion_reason is null))
);
create index case_document_by_case on case_document (case_id, uploaded_at);

-- the application marks a document deleted; it never removes the row (the retention sweep runs as the owner)
revoke delete, truncate on case_document from ${app_role};
