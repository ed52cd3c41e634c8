-- Lists, exports and the overview over a million requests (issue 18). Every list is ordered
-- newest first, so an index that yields one status's rows in that order answers a status
-- filter's page without a sort; the partial indexes hold only what is still open or completed,
-- so the overview's counts cost what they count, not every request ever filed.

-- a status's page in list order (replaces the plain status index: it answers the same lookups)
create index requests_status_received on requests (status, received_at desc, id);
drop index requests_status;

-- open by status, overdue, due this week: open requests by due date, with their status and what an
-- overdue page is sorted by (so that these read the index alone)
create index requests_open_due on requests (due_at) include (status, received_at, id)
  where status not in ('COMPLETED','CANCELLED','REJECTED','RELEASED','EXPIRED','FAILED');

-- completed in the last 30 days, and how many days they took
create index requests_completed_at on requests (completed_at, received_at) where status = 'COMPLETED';

-- a product filter's match read from the index alone (the request ids ride along); replaces the
-- index without them, which served the same (product, status) lookups
create index product_tasks_product_request on product_tasks (product, status) include (request_id);
drop index product_tasks_product;

-- the list order, carrying the columns lists filter on: a page of a large match (dueBefore, type,
-- jurisdiction, status) walks this index without reading a row it does not return; replaces the
-- index without them
create index requests_received_covering on requests (received_at desc, id) include (due_at, status, type, jurisdiction);
drop index requests_received;
