-- The no-data check: when a series last reported and which rule governed it, so the monitor finds
-- silent series with one indexed query. Filled by the pipeline from the next measurement of a series on.
alter table threshold_state add column last_observed_at timestamp with time zone;
alter table threshold_state add column rule_id varchar(64);
create index threshold_state_by_rule on threshold_state (rule_id, last_observed_at);

-- Active no-data alarms, one per silent series. Kept apart from threshold_state so the monitor never
-- writes a row the pipeline owns; the primary key makes raising idempotent (one alarm per silence, also
-- when two instances or a re-run after a crash find the same silent series). last_observed_at is the last
-- observation before the silence: data newer than it clears the alarm.
create table no_data_alarm (
    service_id        varchar(128) not null,
    metric            varchar(128) not null,
    alarm_id          varchar(64)  not null,
    last_observed_at  timestamp with time zone not null,
    raised_at         timestamp with time zone not null,
    primary key (service_id, metric)
);
