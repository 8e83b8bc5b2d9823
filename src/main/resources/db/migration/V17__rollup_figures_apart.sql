-- Issue 10, R2: the figures of a rollup bucket (count, sum, min, max, histogram) change with every record the
-- pipeline folds in; its key and customer never do. H2 runs an UPDATE as a remove and an add in every index of
-- the table, and kpi_rollup_* have four (the rows, the primary key, customer, bucket_start): half of every
-- bucket update went to indexes whose columns it does not change. The figures now live in a table of their
-- own with the primary key as its only index; kpi_rollup_* keep the key, the customer and the indexes that
-- reports read by. One row in each per bucket, written in the same transaction (RollupStore).
-- Portable SQL: H2 and PostgreSQL. The copy rewrites the tables once: a hub with millions of buckets takes a
-- while to start the first time after the upgrade.
create table kpi_rollup_hour_figures (
    service_id    varchar(128) not null,
    metric        varchar(128) not null,
    bucket_start  timestamp with time zone not null,
    sample_count  bigint not null,
    value_sum     double precision not null,
    value_min     double precision not null,
    value_max     double precision not null,
    histogram     varchar(16000) not null,
    primary key (service_id, metric, bucket_start)
);
insert into kpi_rollup_hour_figures (service_id, metric, bucket_start, sample_count, value_sum, value_min, value_max,
        histogram)
    select service_id, metric, bucket_start, sample_count, value_sum, value_min, value_max, histogram
    from kpi_rollup_hour;
alter table kpi_rollup_hour drop column sample_count;
alter table kpi_rollup_hour drop column value_sum;
alter table kpi_rollup_hour drop column value_min;
alter table kpi_rollup_hour drop column value_max;
alter table kpi_rollup_hour drop column histogram;

create table kpi_rollup_day_figures (
    service_id    varchar(128) not null,
    metric        varchar(128) not null,
    bucket_start  timestamp with time zone not null,
    sample_count  bigint not null,
    value_sum     double precision not null,
    value_min     double precision not null,
    value_max     double precision not null,
    histogram     varchar(16000) not null,
    primary key (service_id, metric, bucket_start)
);
insert into kpi_rollup_day_figures (service_id, metric, bucket_start, sample_count, value_sum, value_min, value_max,
        histogram)
    select service_id, metric, bucket_start, sample_count, value_sum, value_min, value_max, histogram
    from kpi_rollup_day;
alter table kpi_rollup_day drop column sample_count;
alter table kpi_rollup_day drop column value_sum;
alter table kpi_rollup_day drop column value_min;
alter table kpi_rollup_day drop column value_max;
alter table kpi_rollup_day drop column histogram;
