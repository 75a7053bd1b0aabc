-- The published copy of the catalogue: every level of the archival tree is a unit.
create table units (
    unit_id integer primary key,
    code text not null unique,
    level text not null,
    parent_id integer references units(unit_id) on delete cascade,
    fonds_id integer,
    position integer not null default 0,
    own_mode text not null,
    effective_mode text not null,
    withdrawn integer not null default 0,
    title text,
    date_text text,
    date_start text,
    date_end text,
    metadata text not null,
    content_hash text not null,
    child_count integer not null default 0,
    open_child_count integer not null default 0,
    created_at text not null,
    updated_at text not null
);
create index units_children on units(parent_id, position, code);
create index units_level on units(level, effective_mode, withdrawn);

-- Every change of access mode (rule 4), and every purge of a unit that became secret (code only).
create table access_changes (
    access_change_id integer primary key,
    code text not null,
    old_mode text,
    new_mode text not null,
    created_at text not null
);

-- One row per import run, with its JSON report (never any secret text).
create table imports (
    import_id integer primary key,
    inputs text not null,
    dry_run integer not null default 0,
    status text not null,
    report text,
    created_at text not null,
    updated_at text not null
);
