-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- CONTENT: 10 per subject
insert into posts (account_id, created_at, body, visibility)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('Post %s by subject %s', n, s),
       (array['public','friends','only_me'])[n % 3 + 1]
from generate_series(1, 1000) s, generate_series(1, 10) n
order by s, n;

-- ACTIVITY: 15 per subject
insert into reactions (account_id, created_at, target, reaction)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('post-%s', (s * 31 + n) % 10000),
       (array['like','love','haha','wow'])[n % 4 + 1]
from generate_series(1, 1000) s, generate_series(1, 15) n
order by s, n;
