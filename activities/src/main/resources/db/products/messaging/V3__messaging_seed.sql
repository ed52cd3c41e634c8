-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- MESSAGES: 12 per subject
insert into messages (account_id, created_at, peer, body)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('u-%s', lpad(((s + n) % 1000 + 1)::text, 4, '0')),
       format('Message %s from subject %s', n, s)
from generate_series(1, 1000) s, generate_series(1, 12) n
order by s, n;
