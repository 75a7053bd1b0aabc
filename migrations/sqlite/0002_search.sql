-- Change tracking for the search indexes. Every transaction that changes what an index shows
-- takes the next value of the one counter row and stamps it on the units it writes, so an
-- indexer reads "everything after the sequence number I applied", in commit order.
alter table units add column change_seq integer not null default 0;
create index units_change_seq on units(change_seq, unit_id);

create table change_counter (
    change_counter_id integer primary key,
    value integer not null,
    created_at text not null,
    updated_at text not null
);
insert into change_counter (change_counter_id, value, created_at, updated_at)
values (1, 0, '1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z');

-- Units deleted (purged when they became secret): the indexes drop them by id. Ids only, no text.
create table unit_removals (
    unit_removal_id integer primary key,
    unit_id integer not null,
    change_seq integer not null,
    created_at text not null,
    updated_at text not null
);
create index unit_removals_seq on unit_removals(change_seq);

-- Where a server-side index (Meilisearch) has got to; the embedded index keeps its own.
create table search_state (
    index_name text primary key,
    change_seq integer not null,
    settings text not null,
    created_at text not null,
    updated_at text not null
);
