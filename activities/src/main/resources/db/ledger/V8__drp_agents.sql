-- Authorized agents (Data Rights Protocol 0.9.4): pair-wise tokens, signed messages already seen,
-- the requests agents filed and the durable outbox of their status callbacks.

-- One token per agent: a new key setup replaces the previous one. Only its SHA-256 is stored.
create table drp_tokens (
    agent_id   text primary key,
    token_hash text not null unique,
    created_at timestamptz not null default now()
);

-- Every accepted signed message, by the SHA-256 of its signature, kept until it has expired:
-- the same message presented again is a replay.
create table drp_seen_messages (
    message_hash text primary key,
    agent_id     text not null,
    expires_at   timestamptz not null
);
create index drp_seen_messages_expiry on drp_seen_messages (expires_at);

-- An agent's request ids are unique per agent, for good (also for requests that were denied).
create table drp_requests (
    request_id       text primary key,
    agent_id         text not null,
    agent_request_id text,
    exercise         text not null,
    regime           text,
    status_callback  text,
    relied_on_agent  boolean not null,
    -- set for a request refused at once and never filed in the ledger (e.g. sale:opt_out)
    denied_reason    text,
    received_at      timestamptz not null,
    -- the exercise status last queued for a callback (or answered at filing)
    last_status      text,
    -- true once last_status is final: the request is no longer watched
    settled          boolean not null default false,
    -- when its status was last compared: the watch goes round the oldest-checked first
    checked_at       timestamptz,
    unique (agent_id, agent_request_id)
);
create index drp_requests_watched on drp_requests (checked_at nulls first) where not settled;

-- The status callbacks to send, oldest first per request; a newer one supersedes an unsent one.
create table drp_callbacks (
    id            bigserial primary key,
    request_id    text not null references drp_requests (request_id),
    status        text not null,
    body          text not null,
    created_at    timestamptz not null default now(),
    attempts      int not null default 0,
    next_at       timestamptz not null default now(),
    give_up_at    timestamptz not null,
    claimed_until timestamptz,
    outcome       text,
    done_at       timestamptz
);
create index drp_callbacks_due on drp_callbacks (next_at) where done_at is null;
