-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- AD_INTERACTIONS: 20 per subject
insert into ad_events (account_id, created_at, advertiser, event, ad_id)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('Advertiser %s', (s + n) % 50),
       (array['impression','impression','click','hide'])[n % 4 + 1],
       format('ad-%s', (s * 11 + n) % 5000)
from generate_series(1, 1000) s, generate_series(1, 20) n
order by s, n;
