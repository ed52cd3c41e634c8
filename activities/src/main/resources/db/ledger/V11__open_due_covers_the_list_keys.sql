-- The list gathers a small match's keys (id, received_at, due_at, status, type) before sorting a page
-- (LedgerQueries.list). For overdue=true and a near dueBefore, requests_open_due served the match but
-- lacked type, so each of the ~16,000 overdue requests of a million-row ledger was read from the
-- table (p50 510 ms under 20 clients); carrying type answers the whole gather from the index.
create index requests_open_due_keys on requests (due_at) include (status, received_at, id, type)
  where status not in ('COMPLETED','CANCELLED','REJECTED','RELEASED','EXPIRED','FAILED');
drop index requests_open_due;
