-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- PURCHASES: 4 per subject
insert into orders (account_id, created_at, item, amount_cents, currency, payment_last4)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       (array['Headphones','Book','Gift card','Sticker pack'])[n % 4 + 1],
       (s * 13 + n * 257) % 20000 + 99,
       (array['EUR','USD'])[s % 2 + 1],
       lpad(((s * 97 + n) % 10000)::text, 4, '0')
from generate_series(1, 1000) s, generate_series(1, 4) n
order by s, n;
