-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- CONNECTIONS: 8 per subject
insert into follows (account_id, created_at, followed, kind)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('u-%s', lpad(((s * 7 + n) % 1000 + 1)::text, 4, '0')),
       (array['friend','follower','group'])[n % 3 + 1]
from generate_series(1, 1000) s, generate_series(1, 8) n
order by s, n;

-- CONTACTS: 5 per subject
insert into uploaded_contacts (account_id, created_at, contact_name, contact_phone)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       format('Contact %s of subject %s', n, s),
       format('+1444%s', lpad((s * 10 + n)::text, 7, '0'))
from generate_series(1, 1000) s, generate_series(1, 5) n
order by s, n;
