-- connections: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table follows (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  followed     text not null default 'u-0000',
  kind         text not null default 'friend'
);
create index follows_account on follows (account_id, created_at);

create table uploaded_contacts (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  contact_name text not null default 'Synthetic contact',
  contact_phone text not null default '+15550000000'
);
create index uploaded_contacts_account on uploaded_contacts (account_id, created_at);
