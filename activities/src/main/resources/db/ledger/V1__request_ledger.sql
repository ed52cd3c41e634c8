-- The request ledger: the durable record of every data-subject request, kept at least
-- 24 months (CCPA). Temporal is the source of truth while a request is in flight; this is
-- what outlives Temporal's retention and what every list and search reads.

create table requests (
  id               text primary key,
  type             text        not null,
  status           text        not null,
  jurisdiction     text        not null,
  subject_key      text        not null,
  received_at      timestamptz not null,
  due_at           timestamptz,
  extended         boolean     not null default false,
  requested_by     text        not null,
  approved_by      text,
  grace_ends_at    timestamptz,
  hold_expires_at  timestamptz,
  completed_at     timestamptz,
  download         jsonb,
  report_blob      text,
  certificate      text,
  revision         bigint      not null default 0,
  -- the RequestSpec, encrypted (AES-GCM): lets a lost workflow be re-driven with its dates
  spec_ciphertext  bytea       not null,
  idempotency_key  text unique,
  request_hash     text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index requests_status on requests (status);
create index requests_type on requests (type);
create index requests_due on requests (due_at);
create index requests_received on requests (received_at desc, id);

-- every identifier's subject key, so a search by any identifier finds the request
create table request_subject_keys (
  request_id  text not null references requests (id),
  subject_key text not null,
  primary key (request_id, subject_key)
);
create index request_subject_keys_key on request_subject_keys (subject_key);

create table product_tasks (
  request_id text        not null references requests (id),
  product    text        not null,
  status     text        not null,
  attempts   int         not null default 0,
  updated_at timestamptz not null,
  detail     text,
  result     jsonb,
  primary key (request_id, product)
);
create index product_tasks_product on product_tasks (product, status);

-- append-only audit log; each row carries the hash of the previous row of its request
create table request_events (
  request_id text        not null references requests (id),
  seq        bigint      not null,
  event_id   text        not null unique,
  at         timestamptz not null,
  actor      text        not null,
  kind       text        not null,
  product    text,
  detail     text,
  prev_hash  text        not null,
  hash       text        not null,
  primary key (request_id, seq)
);

create function request_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'request_events is append-only';
end $$;

create trigger request_events_no_update before update or delete on request_events
  for each row execute function request_events_append_only();
