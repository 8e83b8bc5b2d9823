-- KPI rollups per service and metric, kept current by the pipeline's evaluate stage (KpiRollupRecorder) in
-- the transaction that stores the measurement: reports and KPI history read these, never the raw rows.
-- histogram: a LogHistogram's sparse text (buckets of 10 %, percentiles within 5 %). customer_id is the
-- customer the service belonged to when the values arrived. Portable SQL: H2 and PostgreSQL.
create table kpi_rollup_hour (
    service_id    varchar(128) not null,
    metric        varchar(128) not null,
    bucket_start  timestamp with time zone not null,
    customer_id   varchar(128),
    sample_count  bigint not null,
    value_sum     double precision not null,
    value_min     double precision not null,
    value_max     double precision not null,
    histogram     varchar(16000) not null,
    primary key (service_id, metric, bucket_start)
);
create index kpi_rollup_hour_customer on kpi_rollup_hour (customer_id, bucket_start);
create index kpi_rollup_hour_start on kpi_rollup_hour (bucket_start);

create table kpi_rollup_day (
    service_id    varchar(128) not null,
    metric        varchar(128) not null,
    bucket_start  timestamp with time zone not null,
    customer_id   varchar(128),
    sample_count  bigint not null,
    value_sum     double precision not null,
    value_min     double precision not null,
    value_max     double precision not null,
    histogram     varchar(16000) not null,
    primary key (service_id, metric, bucket_start)
);
create index kpi_rollup_day_customer on kpi_rollup_day (customer_id, bucket_start);
create index kpi_rollup_day_start on kpi_rollup_day (bucket_start);
