-- messaging: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table messages (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  peer         text not null default 'u-0000',
  body         text not null default 'Synthetic message'
);
create index messages_account on messages (account_id, created_at);
