-- Seeds :n requests into an empty ledger for LedgerScaleBench (never run against a real ledger).
-- Spreads: two years of receipts, more of them recent; ACCESS 45%, DELETION 40%, DOWNLOAD 12%,
-- PRESERVATION 3%; GDPR 50%, CCPA 35%, OTHER 15%; due a calendar month (GDPR) or 45 days after receipt, 3%
-- extended (three months, 90 days); most old requests final, about 1% of them still
-- open past their due date (overdue); 1 to 8 of :products products per request, 1% naming all;
-- one event per request, and 1% of requests with 100 events. Hashes are filler: the seeded
-- chains do not verify.
select setseed(0.18);

create temporary table seed on commit drop as
select g,
       'seed-' || to_char(g, 'FM00000000') as id,
       date_trunc('second', now() - interval '730 days' * power(random(), 1.6)) as received_at,
       random() as rt, random() as rj, random() as rs, random() as rp, random() as rc
  from generate_series(1, :n) g;

create temporary table seeded on commit drop as
select s.*,
       case when rt < 0.45 then 'ACCESS' when rt < 0.85 then 'DELETION' when rt < 0.97 then 'DOWNLOAD'
            else 'PRESERVATION' end as type,
       case when rj < 0.50 then 'GDPR' when rj < 0.85 then 'CCPA' else 'OTHER' end as jurisdiction,
       rc < 0.03 as extended
  from seed s;

create temporary table dated on commit drop as
select d.*,
       case when type = 'PRESERVATION' then null
            when jurisdiction = 'GDPR' and extended then received_at + interval '3 months'
            when jurisdiction = 'GDPR' then received_at + interval '1 month'
            when extended then received_at + interval '90 days'
            else received_at + interval '45 days' end as due_at
  from seeded d;

create temporary table shaped on commit drop as
select d.*,
       case when type = 'PRESERVATION' then
                 case when rs < 0.30 then 'ACTIVE' when rs < 0.80 then 'RELEASED' else 'EXPIRED' end
            when due_at < now() then
                 case when rs < 0.90 then 'COMPLETED' when rs < 0.94 then 'CANCELLED' when rs < 0.97 then 'REJECTED'
                      when rs < 0.98 then 'FAILED' when rs < 0.99 then 'IN_PROGRESS'
                      when rs < 0.995 then 'WAITING_ON_HOLD' else 'AWAITING_APPROVAL' end
            else
                 case when rs < 0.55 then 'COMPLETED' when rs < 0.60 then 'CANCELLED' when rs < 0.62 then 'REJECTED'
                      when rs < 0.72 and type = 'DELETION' then 'GRACE_PERIOD' when rs < 0.92 then 'IN_PROGRESS'
                      when rs < 0.97 then 'AWAITING_APPROVAL' when rs < 0.99 then 'WAITING_ON_HOLD'
                      else 'RECEIVED' end end as status,
       case when rp < 0.40 then 1 when rp < 0.65 then 2 when rp < 0.80 then 3 when rp < 0.90 then 5
            when rp < 0.99 then 8 else :products end as product_count
  from dated d;

insert into ledger.requests (id, type, status, jurisdiction, subject_key, received_at, due_at, extended,
                             requested_by, approved_by, grace_ends_at, hold_expires_at, completed_at,
                             spec_ciphertext, head_seq, head_hash, created_at, updated_at)
select id, type, status, jurisdiction, 'sk_' || md5(id), received_at, due_at, extended,
       case when type = 'PRESERVATION' then 'legal' else 'ops' end,
       case when type in ('DELETION', 'PRESERVATION') and status not in ('RECEIVED', 'AWAITING_APPROVAL')
            then 'approver' end,
       case when type = 'DELETION' then received_at + interval '30 days' end,
       case when type = 'PRESERVATION' then received_at + interval '365 days' end,
       case when status in ('COMPLETED', 'CANCELLED', 'REJECTED', 'FAILED', 'RELEASED', 'EXPIRED')
            then least(now(), received_at + interval '1 hour' + interval '1 day' * (rc * 40)) end,
       '\x00'::bytea, case when g % 100 = 0 then 100 else 1 end,
       md5(id || case when g % 100 = 0 then 100 else 1 end), received_at, received_at
  from shaped;

insert into ledger.request_subject_keys (request_id, subject_key)
select id, 'sk_' || md5(id) from shaped;

insert into ledger.product_tasks (request_id, product, status, attempts, updated_at)
select id, 'bench-' || ((g * 7 + k * 13) % :products + 1),
       case when status = 'COMPLETED' then case when (g + k) % 5 = 0 then 'NO_DATA' else 'DONE' end
            when status in ('CANCELLED', 'REJECTED', 'RELEASED', 'EXPIRED') then 'SKIPPED'
            when status = 'FAILED' then case when k = 0 then 'FAILED' else 'DONE' end
            when status in ('IN_PROGRESS', 'WAITING_ON_HOLD') then
                 case when k % 3 = 0 then 'RUNNING' when k % 3 = 1 then 'DONE' else 'PENDING' end
            else 'PENDING' end,
       1, received_at
  from shaped, generate_series(0, product_count - 1) k;

insert into ledger.request_events (request_id, seq, event_id, at, actor, kind, prev_hash, hash)
select id, e, id || '-' || e, received_at + interval '1 minute' * e, case when e = 1 then 'ops' else 'system' end,
       case when e = 1 then 'FILED' else 'PRODUCT_UPDATE' end,
       md5(id || (e - 1)), md5(id || e)
  from shaped, generate_series(1, case when g % 100 = 0 then 100 else 1 end) e;
