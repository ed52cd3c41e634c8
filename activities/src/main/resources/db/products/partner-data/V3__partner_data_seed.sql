-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- PARTNER_ACTIVITY: 8 per subject
insert into partner_events (account_id, created_at, partner, event, source_url)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('Partner %s', (s + n) % 30),
       (array['page_view','purchase','add_to_cart','app_install'])[n % 4 + 1],
       format('https://partner%s.example/p/%s', (s + n) % 30, n)
from generate_series(1, 1000) s, generate_series(1, 8) n
order by s, n;
