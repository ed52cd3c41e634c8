-- Shared by every demo product, each in its own schema: the product's accounts (how a
-- subject is found by any identifier), the hold area that erase never touches, and the
-- erasure log: what each erase run deleted (a resumed run reports its total from it) and
-- what a later preservation reports as already erased (by the pseudonymous subject key).
create table accounts (
  account_id text primary key,
  email      text unique,
  phone      text
);
create index accounts_phone on accounts (phone);

create table held_items (
  hold_id      text        not null,
  subject_key  text        not null,
  source_table text        not null,
  item_id      bigint      not null,
  category     text        not null,
  created_at   timestamptz not null,
  content      jsonb       not null,
  held_at      timestamptz not null default now(),
  primary key (hold_id, source_table, item_id)
);

create table erasure_log (
  id          bigserial   primary key,
  run_id      text        not null,
  subject_key text        not null,
  category    text        not null,
  items       bigint      not null,
  erased_at   timestamptz not null default now()
);
create index erasure_log_subject on erasure_log (subject_key);
create index erasure_log_run on erasure_log (run_id);
