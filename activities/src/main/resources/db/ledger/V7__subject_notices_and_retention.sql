-- Reaching the data subject (issue 15).
--
-- A request's contact address, sealed (AES-GCM under the codec keys): opened only by the notice
-- activity to send a notice, never copied into an event. The record-keeping job erases it and the
-- sealed spec after the retention period (sealed_erased_at), keeping the events.
alter table requests
  add column contact_ciphertext bytea,
  add column sealed_erased_at   timestamptz,
  alter column spec_ciphertext drop not null;

-- The durable outbox of notices to data subjects: one row per notice, keyed by
-- <requestId>:<kind>:<seq>. The notice activity claims a row before it sends and marks it sent
-- after; a retried activity finds it sent and sends nothing. A verification code notice keeps the
-- code's keyed hash (HMAC), never the code, so a retry answers the hash of the code it mailed.
create table subject_notices (
  notice_id     text        primary key,
  request_id    text        not null references requests (id),
  kind          text        not null,
  code_hash     text,
  claimed_until timestamptz not null,
  attempts      int         not null default 1,
  sent_at       timestamptz
);
create index subject_notices_request on subject_notices (request_id);
