-- partner-data: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table partner_events (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  partner      text not null default 'Synthetic partner',
  event        text not null default 'page_view',
  source_url   text not null default 'https://partner.example/'
);
create index partner_events_account on partner_events (account_id, created_at);
