-- Observability (issue 17). Metrics count open requests, deadlines and tasks waiting for an
-- operator every few seconds: these partial indexes hold only what is still open, so the count
-- costs what is open, not every request ever filed.
create index requests_open on requests (status, type, due_at)
  where status not in ('COMPLETED','CANCELLED','REJECTED','RELEASED','EXPIRED','FAILED');
create index product_tasks_waiting on product_tasks (product, updated_at)
  where status in ('FAILED','MANUAL');
-- the deadline escalations the workflows recorded, found without scanning the whole event log
create index request_events_deadline on request_events (at)
  where kind in ('DEADLINE_WARNING','OVERDUE');

-- The deadline notices sent (once per request and level): a process claims a row before it
-- sends, so two processes never send the same notice; a failed send is retried after the claim
-- expires.
create table deadline_notices (
  request_id    text        not null references requests (id),
  level         text        not null,
  claimed_until timestamptz not null,
  attempts      int         not null default 1,
  sent_at       timestamptz,
  primary key (request_id, level)
);
