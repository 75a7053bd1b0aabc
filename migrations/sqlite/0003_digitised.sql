-- Digitised content. Masters are the files as received, stored once under their SHA-256; an
-- image is one page of a master (a scan, a PDF page, a TIFF directory) with its tile pyramid;
-- a page places an image in a unit's ordered list and keeps the page's text layer.
create table masters (
    sha256 text primary key,
    size integer not null,
    media_type text not null,
    created_at text not null,
    updated_at text not null
);

create table images (
    image_id text primary key,
    master text not null references masters(sha256),
    master_page integer not null,
    width integer not null default 0,
    height integer not null default 0,
    state text not null,
    error text,
    standalone integer not null default 0,
    created_at text not null,
    updated_at text not null
);
create index images_master on images(master);

create table pages (
    page_id integer primary key,
    unit_id integer not null references units(unit_id) on delete cascade,
    seq integer not null,
    image_id text not null references images(image_id),
    label text,
    text text,
    created_at text not null,
    updated_at text not null,
    unique (unit_id, seq)
);
create index pages_image on pages(image_id);

-- Background work (ingest, derivative rebuilds) that survives a restart. Workers claim a queued
-- job by moving it to running with their name; a running job whose claim is stale is reclaimed.
create table jobs (
    job_id integer primary key,
    kind text not null,
    subject text not null,
    payload text not null,
    state text not null,
    attempts integer not null default 0,
    done integer not null default 0,
    total integer not null default 0,
    error text,
    failures text not null default '[]',
    claimed_by text,
    claimed_at text,
    created_at text not null,
    updated_at text not null
);
create index jobs_state on jobs(state, job_id);
