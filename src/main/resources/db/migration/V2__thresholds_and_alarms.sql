-- Measurements kept for backtests and reports (retention: cem.measurements.retention).
create table measurement (
    source_system  varchar(64)  not null,
    id             varchar(128) not null,
    service_id     varchar(128) not null,
    customer_id    varchar(128),
    metric         varchar(128) not null,
    num_value      double precision not null,
    observed_at    timestamp with time zone not null,
    received_at    timestamp with time zone not null,
    primary key (source_system, id)
);
create index measurement_series on measurement (service_id, metric, observed_at);
create index measurement_observed on measurement (observed_at);

-- Threshold rules: the current version of each; every change is also kept in threshold_rule_audit.
create table threshold_rule (
    id          varchar(64)  primary key,
    version     integer      not null,
    rule_json   varchar(8000) not null,
    metric      varchar(128) not null,
    updated_at  timestamp with time zone not null
);

create table threshold_rule_audit (
    rule_id     varchar(64)  not null,
    version     integer      not null,
    action      varchar(16)  not null,
    actor       varchar(128) not null,
    changed_at  timestamp with time zone not null,
    old_json    varchar(8000),
    new_json    varchar(8000),
    primary key (rule_id, version, action)
);

-- Evaluation state per (service, metric): survives restarts, moves with its partition between instances.
create table threshold_state (
    service_id     varchar(128) not null,
    metric         varchar(128) not null,
    state_json     varchar(4000) not null,
    updated_at     timestamp with time zone not null,
    primary key (service_id, metric)
);

-- TMF642 alarms. One active alarm per (service, metric) is kept by threshold_state.alarmId.
create table alarm (
    id                  varchar(64)  primary key,
    service_id          varchar(128) not null,
    customer_id         varchar(128),
    metric              varchar(128) not null,
    alarm_json          varchar(8000) not null,
    state               varchar(16)  not null,
    ack_state           varchar(16)  not null,
    perceived_severity  varchar(16)  not null,
    raised_at           timestamp with time zone not null,
    changed_at          timestamp with time zone not null
);
create index alarm_by_state on alarm (state, raised_at);
create index alarm_by_service on alarm (service_id, metric);

-- Maintenance windows / silences: evaluation goes on, notifications are held, alarms are marked.
create table silence (
    id          varchar(64)  primary key,
    scope_type  varchar(16)  not null,
    scope_value varchar(128) not null,
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    reason      varchar(512),
    created_by  varchar(128) not null
);

-- The last ingest message applied per partition, with the events its evaluation produced: a message
-- redelivered after a crash between the database commit and the JMS commit is recognised, and its
-- events are published again instead of being evaluated twice.
create table pipeline_checkpoint (
    partition_key  varchar(32)  primary key,
    message_id     varchar(128) not null,
    events_json    varchar(1000000),
    updated_at     timestamp with time zone not null
);
