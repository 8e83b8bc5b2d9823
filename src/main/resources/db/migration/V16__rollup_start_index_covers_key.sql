-- Issue 10, F5: the pipeline's update of a rollup bucket (where service_id = ? and metric = ? and bucket_start = ?)
-- is planned by H2 when it first prepares it, often on an empty table, and that plan is kept. On an empty table
-- H2 chose the bucket_start index, so every update read all buckets of the hour (or day). The index now ends with
-- the rest of the key: whichever index H2 picks, the update finds its row by all three columns. Range reads by
-- bucket_start (all buckets of a period) still use its first column.
drop index kpi_rollup_hour_start;
create index kpi_rollup_hour_start on kpi_rollup_hour (bucket_start, service_id, metric);
drop index kpi_rollup_day_start;
create index kpi_rollup_day_start on kpi_rollup_day (bucket_start, service_id, metric);
