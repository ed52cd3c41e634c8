-- Signed chain heads and a length-encoded event hash (see EventChain).
--
-- dsrflow has never been released, so rather than record a chain version per request (and keep
-- the separator-joined hash and its verifier alive beside the new one), every chain recorded so
-- far is recomputed here with the new encoding: one encoding, one verifier. The heads of those
-- requests are stored unsigned (head_jws null): signing needs the certificate key, which no
-- migration holds; the next event appended to such a request signs its head.

alter table requests
  add column head_seq  bigint,
  add column head_hash text,
  add column head_jws  text;

-- a text as its UTF-8 byte count (4 bytes, big-endian) then its bytes; null as length -1
create function ledger_field(t text) returns bytea language sql immutable as $$
  select case when t is null then '\xffffffff'::bytea
              else int4send(octet_length(convert_to(t, 'UTF8'))) || convert_to(t, 'UTF8') end
$$;

-- microseconds since the epoch, exact whatever the server version's extract() returns
create function ledger_micros(t timestamptz) returns bigint language sql immutable as $$
  select extract(epoch from date_trunc('second', t))::bigint * 1000000
         + extract(microseconds from t)::bigint % 1000000
$$;

alter table request_events disable trigger request_events_no_update;

do $$
declare
  e record;
  previous text;
  current_request text;
  digest text;
begin
  for e in select * from request_events order by request_id, seq loop
    if current_request is distinct from e.request_id then
      previous := repeat('0', 64);
      current_request := e.request_id;
    end if;
    digest := encode(sha256(
        ledger_field(previous) || ledger_field(e.request_id) || int8send(e.seq) || int8send(ledger_micros(e.at))
        || ledger_field(e.actor) || ledger_field(e.kind) || ledger_field(e.product) || ledger_field(e.detail)), 'hex');
    update request_events set prev_hash = previous, hash = digest where request_id = e.request_id and seq = e.seq;
    previous := digest;
  end loop;
end $$;

alter table request_events enable trigger request_events_no_update;

update requests r set head_seq = last.seq, head_hash = last.hash
  from (select distinct on (request_id) request_id, seq, hash from request_events order by request_id, seq desc) last
  where last.request_id = r.id;

drop function ledger_field(text);
drop function ledger_micros(timestamptz);
