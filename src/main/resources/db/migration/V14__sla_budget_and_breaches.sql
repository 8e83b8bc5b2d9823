-- SLA early warning and monthly breaches (docs/experience.md, "Monthly SLA budget"). Portable SQL: H2 and
-- PostgreSQL.
-- sla_budget_warning: the SlaBudgetWarningEvent sent for a (service, KPI, month), at most one: the row and
-- the event commit together, a later pass finds the row and sends nothing.
create table sla_budget_warning (
    service_id    varchar(128) not null,
    metric        varchar(128) not null,
    month_start   timestamp with time zone not null,
    event_id      varchar(64)  not null,
    customer_id   varchar(128),
    budget_json   varchar(4000) not null,
    sent_at       timestamp with time zone not null,
    primary key (service_id, metric, month_start)
);

-- sla_breach: a month whose average missed the target, keyed (service, KPI, month): inserted in the
-- transaction that publishes its SlaBreachEvent and compensation credit, so a breach is credited once.
create table sla_breach (
    service_id     varchar(128) not null,
    metric         varchar(128) not null,
    month_start    timestamp with time zone not null,
    credit_id      varchar(64)  not null,
    event_id       varchar(64)  not null,
    customer_id    varchar(128),
    sla_tier       varchar(64),
    target         double precision not null,
    month_average  double precision not null,
    shortfall_pct  double precision not null,
    amount         double precision not null,
    currency       varchar(8)   not null,
    created_at     timestamp with time zone not null,
    primary key (service_id, metric, month_start),
    constraint sla_breach_credit unique (credit_id)
);
create index sla_breach_customer on sla_breach (customer_id, month_start);

-- sla_month_close: months the scheduled month-end pass has closed (it closes each month once).
create table sla_month_close (
    month_start   timestamp with time zone primary key,
    closed_at     timestamp with time zone not null,
    services      integer not null,
    breaches      integer not null
);
