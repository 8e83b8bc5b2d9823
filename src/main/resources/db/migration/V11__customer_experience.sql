-- The customer experience index (docs/experience.md): the current value per customer, and one value per
-- customer and UTC day (the last one computed that day) for trends in reports and charts.
create table customer_experience (
    customer_id      varchar(128) primary key,
    segment          varchar(64),
    score            double precision not null,
    band             varchar(16)  not null,
    value_json       varchar(4000) not null,
    computed_at      timestamp with time zone not null,
    band_since       timestamp with time zone not null
);
create index customer_experience_segment on customer_experience (segment, band);

create table customer_experience_day (
    customer_id  varchar(128) not null,
    day_start    timestamp with time zone not null,
    score        double precision not null,
    band         varchar(16)  not null,
    primary key (customer_id, day_start)
);
