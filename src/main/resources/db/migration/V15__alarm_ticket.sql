-- Trouble tickets opened in the CRM for alarms (the vip-ticket process, docs/processes.md). The primary key
-- is the alarm: never two tickets recorded for one alarm, also across restarts and instances (the CRM itself
-- opens one ticket per idempotency key, the alarm id, so a call repeated after a crash gets the same ticket).
-- The alarm's TMF642 representation reads its troubleTicket reference from here.
create table alarm_ticket (
    alarm_id    varchar(64)  primary key,
    ticket_id   varchar(128) not null,
    process     varchar(32)  not null,
    created_at  timestamp with time zone not null
);
