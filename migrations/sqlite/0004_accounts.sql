-- Reader and staff accounts (reader-services.md §1), their single-use e-mail links, TOTP
-- recovery codes, server-side sessions, sign-in failure counters and the audit log.
-- Instants that are compared (expiry, throttling) are Unix seconds; shown ones are ISO-8601 text.
create table accounts (
    account_id integer primary key,
    email text not null unique,
    full_name text not null,
    identity_kind text not null default '',
    identity_number text not null default '',
    phone text not null default '',
    employer text,
    fee_object_type text not null default '10',
    evidence_file text,
    evidence_name text,
    evidence_type text,
    notes text,
    password_hash text not null,
    state text not null,
    refusal_reason text,
    roles text not null default 'reader',
    totp_secret text,
    totp_last_step integer,
    session_epoch integer not null default 0,
    created_at text not null,
    email_verified_at text,
    decided_at text,
    decided_by integer,
    expires_at integer,
    expiry_notified integer not null default 0,
    password_changed_at text,
    last_sign_in_at text
);
create index accounts_queue on accounts(state, email_verified_at);

create table account_tokens (
    token_hash text primary key,
    account_id integer not null references accounts(account_id) on delete cascade,
    purpose text not null,
    new_email text,
    expires_at integer not null,
    used_at integer,
    created_at integer not null
);
create index account_tokens_account on account_tokens(account_id);

create table recovery_codes (
    account_id integer not null references accounts(account_id) on delete cascade,
    code_hash text not null,
    used_at integer,
    primary key (account_id, code_hash)
);

create table sessions (
    id text primary key,
    account_id integer,
    data text not null,
    expires_at integer not null
);
create index sessions_account on sessions(account_id);
create index sessions_expiry on sessions(expires_at);

create table auth_failures (
    key text primary key,
    failures integer not null,
    last_at integer not null
);

create table audit_log (
    audit_id integer primary key,
    at text not null,
    actor_id integer,
    actor text,
    action text not null,
    subject_id integer,
    subject text,
    address text,
    detail text
);
create index audit_log_subject on audit_log(subject_id);
