-- 1,000 synthetic subjects u-0001..u-1000 (user0001@example.com...); every third has a phone.
insert into accounts (account_id, email, phone)
select format('u-%s', lpad(s::text, 4, '0')),
       format('user%s@example.com', lpad(s::text, 4, '0')),
       case when s % 3 = 0 then format('+1555%s', lpad(s::text, 7, '0')) end
from generate_series(1, 1000) s;
