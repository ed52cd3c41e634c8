-- The list's sort orders (GET /v1/requests?sort=...): each walks an index in its order, so a page
-- of a large match never sorts the match. Newest or oldest received first walk
-- requests_received_covering forward or backward, a status walks requests_status_received (V4);
-- these two answer a due date (ties by id) and a type (its newest first).

-- by due date, either way; replaces the index on due_at alone, which served the same lookups
create index requests_due_id on requests (due_at, id);
drop index requests_due;

-- a type's requests newest first; replaces the index on type alone
create index requests_type_received on requests (type, received_at desc, id);
drop index requests_type;
