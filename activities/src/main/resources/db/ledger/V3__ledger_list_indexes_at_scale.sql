-- Lists, exports and the overview over a million requests (issue 18). Every list is ordered
-- newest first, so an index that yields one status's rows in that order answers a status
-- filter's page without a sort; the partial indexes hold only what is still open or completed,
-- so the overview's counts cost what they count, not every request ever filed.

-- a status's page in list order (replaces the plain status index: it answers the same lookups)
create index requests_status_received on requests (status, received_at desc, id);
drop index requests_status;

-- overdue, due this week: open requests by due date, with what an overdue page is sorted by
create index requests_open_due on requests (due_at) include (received_at, id)
  where status not in ('COMPLETED','CANCELLED','REJECTED','RELEASED','EXPIRED','FAILED');

-- completed in the last 30 days, and how many days they took
create index requests_completed_at on requests (completed_at, received_at) where status = 'COMPLETED';
