-- ads: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table ad_events (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  advertiser   text not null default 'Synthetic advertiser',
  event        text not null default 'impression',
  ad_id        text not null default 'ad-0'
);
create index ad_events_account on ad_events (account_id, created_at);
