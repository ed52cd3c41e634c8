-- device-telemetry: its item tables; every item belongs to an account, has a creation time and can be
-- restricted (hidden from the product's normal reads during a deletion's grace period).

create table device_signals (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  device_model text not null default 'Synthetic phone',
  os_version   text not null default '1.0',
  app_version  text not null default '1.0.0'
);
create index device_signals_account on device_signals (account_id, created_at);

create table network_events (
  id           bigserial   primary key,
  account_id   text        not null references accounts (account_id),
  created_at   timestamptz not null,
  restricted   boolean     not null default false,
  ip_address   text not null default '192.0.2.1',
  city         text not null default 'Dublin'
);
create index network_events_account on network_events (account_id, created_at);
