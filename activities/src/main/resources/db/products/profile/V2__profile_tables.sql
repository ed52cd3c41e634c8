-- profile: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table profile_fields (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  field        text not null default 'display_name',
  value        text not null default 'Synthetic value'
);
create index profile_fields_account on profile_fields (account_id, created_at);
