-- Customer and service registry: the one identity every source system's ids resolve to.
-- Portable SQL: runs unchanged on H2 (default) and PostgreSQL (profile postgres).

create table customer (
    id          varchar(128) primary key,
    name        varchar(256) not null,
    segment     varchar(64),
    sla_tier    varchar(64),
    status      varchar(32),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

-- A source system's id for a customer (e.g. billing -> ACC-1001).
create table customer_external_id (
    system       varchar(64)  not null,
    external_id  varchar(128) not null,
    customer_id  varchar(128) not null references customer (id) on delete cascade,
    primary key (system, external_id)
);
create index customer_external_id_customer on customer_external_id (customer_id);

create table service (
    id            varchar(128) primary key,
    customer_id   varchar(128) not null references customer (id),
    service_type  varchar(64)  not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null
);
create index service_customer on service (customer_id);

-- Contracted characteristics (downloadMbps, availabilityPct, ...).
create table service_characteristic (
    service_id  varchar(128) not null references service (id) on delete cascade,
    name        varchar(64)  not null,
    num_value   double precision not null,
    primary key (service_id, name)
);

-- A source system's id for a service (wisla-vpn -> tunnel id, snmp -> device:ifIndex, ...).
create table service_external_id (
    system       varchar(64)  not null,
    external_id  varchar(128) not null,
    service_id   varchar(128) not null references service (id) on delete cascade,
    primary key (system, external_id)
);
create index service_external_id_service on service_external_id (service_id);
