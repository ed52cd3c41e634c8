-- content: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table posts (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  body         text not null default 'Synthetic post',
  visibility   text not null default 'friends'
);
create index posts_account on posts (account_id, created_at);

create table reactions (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  target       text not null default 'post-0',
  reaction     text not null default 'like'
);
create index reactions_account on reactions (account_id, created_at);
