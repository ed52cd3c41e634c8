-- commerce: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table orders (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  item         text not null default 'Synthetic item',
  amount_cents integer not null default 0,
  currency     text not null default 'EUR',
  payment_last4 text not null default '0000'
);
create index orders_account on orders (account_id, created_at);
