-- Periodic reports (docs/experience.md#reports): one row per report, its metadata, a small summary and both
-- renderings. A report is identified by what it covers (scope, subject, period, start): generating it again
-- (a schedule catching up, or on demand) replaces the row and keeps its id. Portable SQL: H2 and PostgreSQL.
create table report (
    id             varchar(64)  primary key,
    scope          varchar(16)  not null,
    subject_id     varchar(128) not null,
    customer_id    varchar(128) not null,
    period         varchar(8)   not null,
    period_start   timestamp with time zone not null,
    period_end     timestamp with time zone not null,
    generated_at   timestamp with time zone not null,
    trigger_kind   varchar(16)  not null,
    requested_by   varchar(128),
    summary_json   varchar(4000) not null,
    content_csv    text not null,
    content_html   text not null,
    constraint report_subject_period unique (scope, subject_id, period, period_start)
);
create index report_by_customer on report (customer_id, period, period_start);
create index report_by_start on report (period_start);
