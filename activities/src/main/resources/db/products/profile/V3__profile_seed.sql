-- Deterministic synthetic rows for the 1,000 seeded subjects, created over 2022-2025.

-- PROFILE: 5 per subject
insert into profile_fields (account_id, created_at, field, value)
select format('u-%s', lpad(s::text, 4, '0')),
       timestamptz '2022-01-01 00:00:00+00' + ((s * 7919 + n * 2927) % 35040) * interval '1 hour',
       (array['display_name','bio','locale','birthday','website'])[n],
       format('%s of subject %s', (array['Name','Bio','Locale','Birthday','Website'])[n], s)
from generate_series(1, 1000) s, generate_series(1, 5) n
order by s, n;
