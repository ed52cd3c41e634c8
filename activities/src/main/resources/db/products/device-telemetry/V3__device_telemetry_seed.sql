-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- DEVICE: 6 per subject
insert into device_signals (account_id, created_at, device_model, os_version, app_version)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       (array['Pixel 8','iPhone 15','Galaxy S24','ThinkPad'])[(s + n) % 4 + 1],
       format('%s.%s', 10 + n % 5, s % 10),
       format('4.%s.%s', n, s % 7)
from generate_series(1, 1000) s, generate_series(1, 6) n
order by s, n;

-- NETWORK_AND_LOCATION: 10 per subject
insert into network_events (account_id, created_at, ip_address, city)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('198.51.100.%s', (s + n) % 254 + 1),
       (array['Dublin','Lisbon','Berlin','Austin','Osaka'])[(s * 3 + n) % 5 + 1]
from generate_series(1, 1000) s, generate_series(1, 10) n
order by s, n;
