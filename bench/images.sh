# shellcheck shell=bash
# Image benchmarks of scripts/bench (part 6, BENCH_PARTS=images), sourced by it: uses its helpers
# (log, now, calc, need, as_root, free_port, record, stop_server) and variables (ROOT, WORK, PORTAL,
# LUA, DURATION, CONNECTIONS, THREADS, IMPORT_TIMEOUT, SERVER_PID). See bench/README.md.
#
# Pyramid generation against vips dzsave (the 6000×4500 map and a 100-page two-layer PDF, each
# imported as the pages of one public item), then tiles under load: portal serve against IIPImage
# (iipsrv behind lighttpd, FastCGI), the same map and the same tile list. See bench/README.md.

IMG_RUNS="${BENCH_IMAGE_RUNS:-3}"
PDF_PAGES="${BENCH_PDF_PAGES:-100}"
SAMPLE="${BENCH_SAMPLE:-$ROOT/../shared/data/sample-kontum}"
MAP="${BENCH_MAP:-$SAMPLE/scans/map/ban-do-hanh-chinh-1992.jpg}"
IIP_FCGI=/usr/lib/iipimage-server/iipsrv.fcgi
IIP_PID=""

stop_iip() {
  if [ -n "$IIP_PID" ]; then
    # Its FastCGI children first (iipsrv, spawned by lighttpd), then lighttpd, which reaps them.
    local child
    for child in $(pgrep -P "$IIP_PID" 2>/dev/null || true); do kill "$child" 2>/dev/null || true; done
    sleep 0.2
    kill "$IIP_PID" 2>/dev/null || true
    wait "$IIP_PID" 2>/dev/null || true
    IIP_PID=""
  fi
}
trap 'stop_iip; cleanup' EXIT

# image_catalogue DIR FILE...: a one-item public catalogue in DIR whose item lists FILEs (copied
# to DIR/scans/) in its digitalFiles column; without FILEs, the same catalogue with no column.
image_catalogue() {
  local dir="$1" f list=""
  shift
  mkdir -p "$dir/scans"
  for f in "$@"; do
    cp "$f" "$dir/scans/"
    list="${list:+$list;}scans/$(basename "$f")"
  done
  printf '%s\n%s\n' "fondsCode,archiveCode,fondsName,archivesTime,language,status,mode,fondsHistory" \
    "H99.1,H99,Phông thử tốc độ ảnh,1990-2010,01,01,01,Lịch sử phông H99.1" >"$dir/fonds.csv"
  printf '%s\n%s\n' \
    "fondsCode,catalogNo,fileCode,fileNotation,title,maintenance,mode,language,startDate,endDate,keyword,description" \
    "H99.1,1,H99.1.1992.01.001,01.001,Hồ sơ bản đồ và tài liệu số hóa,01,01,01,16/01/1992,19/09/1992,bản đồ,ghi chú" \
    >"$dir/files.csv"
  local head="fileCode,docOrdinal,docId,typeName,codeNumber,codeNotation,issuedDate,organName,subject,language,mode,keyword"
  local row="H99.1.1992.01.001,1,H99.1.1992.01.001.1,02,1,QĐ-UBND,05/02/1992,Ủy ban nhân dân tỉnh,Bản đồ hành chính tỉnh,01,01,bản đồ"
  if [ $# -gt 0 ]; then
    printf '%s\n%s\n' "$head,digitalFiles" "$row,$list" >"$dir/documents.csv"
  else
    printf '%s\n%s\n' "$head" "$row" >"$dir/documents.csv"
  fi
}

# timed_import NAME CATALOGUE: `portal import` into a fresh $WORK/img-NAME; prints the wall time
# in seconds, or fails (the log's last lines on stderr). Exit 3 (a file rejected) is a failure here.
timed_import() {
  local name="$1" catalogue="$2" t0 rc=0
  rm -rf "$WORK/img-$name"
  mkdir -p "$WORK/img-$name"
  t0="$(now)"
  env PORTAL_DATA_DIR="$WORK/img-$name" RUST_LOG=warn timeout "$IMPORT_TIMEOUT" \
    "$PORTAL" import "$catalogue" --report "$WORK/img-$name.report.json" >"$WORK/img-$name.log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    log "import of $name failed (exit $rc):"
    tail -n 5 "$WORK/img-$name.log" >&2 || true
    return 1
  fi
  calc "$(now) - $t0"
}

# best_of CMD...: runs CMD $IMG_RUNS times (it prints one time each); prints "best all-times".
best_of() {
  local t all="" best=""
  for _ in $(seq 1 "$IMG_RUNS"); do
    t="$("$@")" || return 1
    all="${all:+$all, }$t"
    if [ -z "$best" ] || [ "$(calc "($t < $best)")" = "1.000" ]; then best="$t"; fi
  done
  printf '%s %s' "$best" "$all"
}

# timed CMD...: runs CMD (bounded, output to $WORK/timed.log) and prints its wall time.
timed() {
  local t0
  t0="$(now)"
  timeout 900 "$@" >>"$WORK/timed.log" 2>&1 || return 1
  calc "$(now) - $t0"
}

vips_map() {
  rm -rf "$WORK/vips-map"
  timed vips dzsave "$MAP" "$WORK/vips-map" --layout iiif3 --tile-size 512 --suffix '.jpg[Q=85]'
}

# vips_pdf JOBS: every page of $WORK/doc.pdf through vips dzsave at $PDF_DPI, JOBS at a time.
vips_pdf() {
  rm -rf "$WORK/vips-pdf"
  mkdir -p "$WORK/vips-pdf"
  # shellcheck disable=SC2016
  timed xargs -P "$1" -I{} sh -c 'vips dzsave "$0[page={},dpi=$1]" "$2/p{}" --layout iiif3 \
    --tile-size 512 --suffix ".jpg[Q=85]"' "$WORK/doc.pdf" "$PDF_DPI" "$WORK/vips-pdf" \
    < <(seq 0 $((PDF_PAGES - 1)))
}

# tile_load ID WHAT BASE URLS: wrk over every tile URL of the list; sets TILE_RPS and TILE_P99.
tile_load() {
  local id="$1" base="$3" urls="$4" out json
  out="$WORK/wrk-$id.txt"
  TILE_URLS="$urls" WRK_REPORT="$LUA" timeout $((DURATION + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" \
    -d"${DURATION}s" --timeout 5s -s "$ROOT/bench/wrk-tiles.lua" "$base/" >"$out" 2>&1 || true
  json="$(sed -n 's/^WRKJSON //p' "$out")"
  TILE_RPS="" TILE_P99="" TILE_DETAIL="wrk gave no result"
  [ -n "$json" ] || return 1
  TILE_RPS="$(jq -r .rps <<<"$json")"
  TILE_P99="$(jq -r .p99_ms <<<"$json")"
  TILE_DETAIL="p50 $(jq -r .p50_ms <<<"$json") ms, p99 $TILE_P99 ms, $(jq -r '.socket_errors + .non_2xx' <<<"$json") errors, $(wc -l <"$urls") tile URLs cycled"
  jq -c --arg id "$id" '. + {id: $id}' <<<"$json" >>"$WORK/wrk.jsonl"
  log "$2: $TILE_RPS req/s, p99 $TILE_P99 ms"
}

# check_tiles BASE URLS: every URL answers 200 (this also warms the server's caches); prints the
# number that did not.
check_tiles() {
  local path bad=0
  while read -r path; do
    [ "$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$1$path" || true)" = 200 ] || bad=$((bad + 1))
  done <"$2"
  echo "$bad"
}

# tile_size BASE PATH: "WxH" of the JPEG at BASE PATH (empty if it is not one).
tile_size() {
  curl -fsS -m 10 -o "$WORK/tile.jpg" "$1$2" 2>/dev/null || return 0
  vipsheader -f width "$WORK/tile.jpg" >/dev/null 2>&1 || return 0
  echo "$(vipsheader -f width "$WORK/tile.jpg")x$(vipsheader -f height "$WORK/tile.jpg")"
}

need vips libvips-tools
need sqlite3 sqlite3
IMG_LOADAVG="$(cut -d' ' -f1-3 /proc/loadavg)"
log "image benchmarks (load average $IMG_LOADAVG)"

# 6a. The map's pyramid: portal import of a one-item catalogue against vips dzsave.
MAP_OK=0 bare="? ?"
if [ ! -f "$MAP" ]; then
  record iiif-pyramid-map "IIIF pyramid of the 6000×4500 map: portal import ÷ vips dzsave" "≤ 2×" 2 max "" × \
    "skipped: no map at $MAP (sample data absent; set BENCH_MAP)"
else
  image_catalogue "$WORK/cat-map" "$MAP"
  image_catalogue "$WORK/cat-none"
  # The last import of the map stays in $WORK/img-map for the tile load.
  if ours="$(best_of timed_import map "$WORK/cat-map")" && vips="$(best_of vips_map)"; then
    bare="$(best_of timed_import none "$WORK/cat-none" || echo "? ?")"
    MAP_OK=1
    record iiif-pyramid-map "IIIF pyramid of the map $(vipsheader -f width "$MAP")×$(vipsheader -f height "$MAP"): portal import ÷ vips dzsave" \
      "≤ 2×" 2 max "$(calc "${ours%% *} / ${vips%% *}")" × \
      "best of $IMG_RUNS: import ${ours%% *} s (${ours#* }), the same import without the image ${bare%% *} s; vips dzsave --layout iiif3 ${vips%% *} s (${vips#* })"
    if [ "${bare%% *}" != "?" ]; then
      record iiif-pyramid-map-net "the map's share of that import (import − import without the image) ÷ vips dzsave" \
        "—" "" info "$(calc "(${ours%% *} - ${bare%% *}) / ${vips%% *}")" × \
        "$(calc "${ours%% *} - ${bare%% *}") s: storing the master, decoding it, writing tiles and sizes"
    fi
  else
    record iiif-pyramid-map "IIIF pyramid of the map: portal import ÷ vips dzsave" "≤ 2×" 2 max "" × \
      "failed: see img-map.log / timed.log (BENCH_KEEP=1)"
  fi
fi

# 6b. A 100-page two-layer PDF: portal import against vips dzsave of every page.
PDF_EXAMPLE="$CARGO_TARGET_DIR/release/examples/bench_pdf"
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "building the PDF generator (cargo build --release --example bench_pdf)"
  cargo build --release -p portal --locked --example bench_pdf
fi
if ! "$PDF_EXAMPLE" "$WORK/doc.pdf" "$PDF_PAGES" >"$WORK/bench_pdf.log" 2>&1; then
  record iiif-pyramid-pdf "IIIF pyramids of a $PDF_PAGES-page PDF: portal import ÷ vips dzsave" "≤ 2×" 2 max "" × \
    "failed: bench_pdf: $(tail -n 1 "$WORK/bench_pdf.log")"
else
  image_catalogue "$WORK/cat-pdf" "$WORK/doc.pdf"
  LAYOUTS=()
  if ours="$(best_of timed_import pdf "$WORK/cat-pdf")"; then
    mapfile -t LAYOUTS < <(find "$WORK/img-pdf/derivatives" -name layout.json | sort)
  fi
  if [ "${#LAYOUTS[@]}" -gt 0 ]; then
    # vips renders the page at the resolution our pipeline found in the PDF (its layout.json).
    PAGE_W="$(jq -r .width "${LAYOUTS[0]}")"
    PAGE_H="$(jq -r .height "${LAYOUTS[0]}")"
    PT_W="$(pdfinfo "$WORK/doc.pdf" 2>/dev/null | awk '/^Page size:/ { print $3; exit }')"
    PT_W="${PT_W:-$(vipsheader -f width "$WORK/doc.pdf[dpi=72]")}"
    PDF_DPI="$(calc "72 * $PAGE_W / $PT_W")"
    VIPS_W="$(vipsheader -f width "$WORK/doc.pdf[page=0,dpi=$PDF_DPI]")"
    VIPS_H="$(vipsheader -f height "$WORK/doc.pdf[page=0,dpi=$PDF_DPI]")"
    # One page at a time is much the slower here: timed once.
    if vips_seq="$(IMG_RUNS=1 best_of vips_pdf 1)" && vips_par="$(best_of vips_pdf "$(nproc)")"; then
      # The baseline is the faster way of running vips here: one page at a time, or one per core.
      vips_best="${vips_seq%% *}"
      [ "$(calc "(${vips_par%% *} < $vips_best)")" = "1.000" ] && vips_best="${vips_par%% *}"
      record iiif-pyramid-pdf "IIIF pyramids of a $PDF_PAGES-page two-layer PDF: portal import ÷ vips dzsave" \
        "≤ 2×" 2 max "$(calc "${ours%% *} / $vips_best")" × \
        "best of $IMG_RUNS: import ${ours%% *} s (${ours#* }), ${#LAYOUTS[@]} pages of ${PAGE_W}×${PAGE_H}; vips dzsave of each page (pdfload dpi=$PDF_DPI, ${VIPS_W}×${VIPS_H}) ${vips_seq%% *} s one at a time (once), ${vips_par%% *} s $(nproc) at a time (${vips_par#* }); the same import without the PDF ${bare%% *} s"
    else
      record iiif-pyramid-pdf "IIIF pyramids of a $PDF_PAGES-page PDF: portal import ÷ vips dzsave" "≤ 2×" 2 max "" × \
        "failed: vips dzsave of the PDF pages (timed.log; BENCH_KEEP=1)"
    fi
  else
    record iiif-pyramid-pdf "IIIF pyramids of a $PDF_PAGES-page PDF: portal import ÷ vips dzsave" "≤ 2×" 2 max "" × \
      "failed: no pages made; see img-pdf.log (BENCH_KEEP=1)"
  fi
fi

# 6c. Tiles under load: portal serve on the map's data, every stored tile at every level.
OURS_RPS=""
if [ "$MAP_OK" != 1 ]; then
  record iiif-tile "IIIF tiles of the map under load" "≥ 5,000 req/s" 5000 min "" req/s "skipped: no map pyramid"
else
  IMAGE_ID="$(sqlite3 "$WORK/img-map/portal.db" 'SELECT image_id FROM pages LIMIT 1' 2>/dev/null || true)"
  MAP_LAYOUT="$(find "$WORK/img-map/derivatives" -path "*/$IMAGE_ID/layout.json" 2>/dev/null | head -n 1)"
  if [ -z "$IMAGE_ID" ] || [ -z "$MAP_LAYOUT" ]; then
    record iiif-tile "IIIF tiles of the map under load" "≥ 5,000 req/s" 5000 min "" req/s \
      "failed: no page image or layout.json in the imported data"
  else
    python3 "$ROOT/bench/tile-urls.py" "$MAP_LAYOUT" portal "/iiif/3/$IMAGE_ID" >"$WORK/tiles-portal.txt"
    PORT="$(free_port)"
    BASE="http://127.0.0.1:$PORT"
    mkdir -p "$WORK/site"
    env PORTAL_DATA_DIR="$WORK/img-map" LEPTOS_SITE_ROOT="$WORK/site" LEPTOS_SITE_PKG_DIR=pkg RUST_LOG=warn \
      "$PORTAL" serve --bind "127.0.0.1:$PORT" >"$WORK/serve-img.log" 2>&1 &
    # shellcheck disable=SC2034 # stop_server (scripts/bench) stops it
    SERVER_PID=$!
    for _ in $(seq 1 300); do
      [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$BASE/healthz" || true)" = 200 ] && break
      sleep 0.1
    done
    bad="$(check_tiles "$BASE" "$WORK/tiles-portal.txt")"
    probe="$(sed -n 3p "$WORK/tiles-portal.txt")"
    expect_size="$(sed -E 's#.*/([0-9]+),([0-9]+)/0/default.jpg#\1x\2#' <<<"$probe")"
    got_size="$(tile_size "$BASE" "$probe")"
    if [ "$bad" != 0 ] || [ "$got_size" != "$expect_size" ]; then
      record iiif-tile "IIIF tiles of the map under load" "≥ 5,000 req/s" 5000 min "" req/s \
        "failed: $bad of $(wc -l <"$WORK/tiles-portal.txt") tile URLs not 200; $probe gave '$got_size', expected $expect_size"
    elif tile_load iiif-tile "portal tiles" "$BASE" "$WORK/tiles-portal.txt"; then
      OURS_RPS="$TILE_RPS"
      record iiif-tile "IIIF tiles of the map under load ($CONNECTIONS connections)" "≥ 5,000 req/s" 5000 min \
        "$TILE_RPS" req/s "$TILE_DETAIL; load average $IMG_LOADAVG"
      record iiif-tile-p99 "IIIF tiles of the map under load: p99" "≤ 10 ms" 10 max "$TILE_P99" ms ""
    else
      record iiif-tile "IIIF tiles of the map under load" "≥ 5,000 req/s" 5000 min "" req/s "failed: $TILE_DETAIL"
    fi
    stop_server
  fi
fi

# 6d. The same tiles from IIPImage: a JPEG-compressed pyramidal TIFF of the map, iipsrv (one
# FastCGI process per core, spawned by lighttpd) on 127.0.0.1, its IIIF 2 interface.
IIP_WHY=""
if [ "$MAP_OK" != 1 ] || [ -z "$OURS_RPS" ]; then
  IIP_WHY="skipped: no portal tile measurement to compare with"
else
  if [ ! -x "$IIP_FCGI" ] || ! command -v lighttpd >/dev/null 2>&1; then
    log "installing lighttpd and iipimage-server"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      lighttpd iipimage-server >/dev/null || true
  fi
  if [ ! -x "$IIP_FCGI" ] || ! command -v lighttpd >/dev/null 2>&1; then
    IIP_WHY="not run: Debian packages iipimage-server and lighttpd could not be installed"
  fi
fi
if [ -z "$IIP_WHY" ]; then
  IIP="$WORK/iip"
  mkdir -p "$IIP/img" "$IIP/www"
  timeout 600 vips tiffsave "$MAP" "$IIP/img/map.tif" --tile --pyramid --compression jpeg --Q 85 \
    --tile-width 512 --tile-height 512 >>"$WORK/timed.log" 2>&1 || IIP_WHY="failed: vips tiffsave"
fi
if [ -z "$IIP_WHY" ]; then
  IIP_PORT="$(free_port)"
  IIP_BASE="http://127.0.0.1:$IIP_PORT"
  cat >"$IIP/lighttpd.conf" <<CONF
server.document-root = "$IIP/www"
server.bind = "127.0.0.1"
server.port = $IIP_PORT
server.errorlog = "$IIP/lighttpd-error.log"
server.max-fds = 4096
server.max-connections = 1024
server.modules = ( "mod_fastcgi" )
fastcgi.server = ( "/fcgi-bin/iipsrv.fcgi" => ((
"socket" => "$IIP/iipsrv.sock",
"bin-path" => "$IIP_FCGI",
"max-procs" => $(nproc),
"check-local" => "disable",
"bin-environment" => (
  "FILESYSTEM_PREFIX" => "$IIP/img/",
  "JPEG_QUALITY" => "85",
  "MAX_CVT" => "5000",
  "MAX_IMAGE_CACHE_SIZE" => "256",
  "LOGFILE" => "$IIP/iipsrv.log",
  "VERBOSITY" => "0"
)
)) )
CONF
  lighttpd -D -f "$IIP/lighttpd.conf" >"$IIP/lighttpd.out" 2>&1 &
  IIP_PID=$!
  IIP_PREFIX="/fcgi-bin/iipsrv.fcgi?IIIF=map.tif"
  python3 "$ROOT/bench/tile-urls.py" "$MAP_LAYOUT" iip "$IIP_PREFIX" >"$WORK/tiles-iip.txt"
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$IIP_BASE$IIP_PREFIX/info.json" || true)" = 200 ] && break
    sleep 0.1
  done
  bad="$(check_tiles "$IIP_BASE" "$WORK/tiles-iip.txt")"
  got_size="$(tile_size "$IIP_BASE" "$(sed -n 3p "$WORK/tiles-iip.txt")")"
  if [ "$bad" != 0 ] || [ "$got_size" != "$expect_size" ]; then
    IIP_WHY="failed: $bad of $(wc -l <"$WORK/tiles-iip.txt") tile URLs not 200; tile 3 gave '$got_size', expected $expect_size ($(tail -n 1 "$IIP/lighttpd-error.log" 2>/dev/null))"
  elif tile_load iiif-tile-iip "IIPImage tiles" "$IIP_BASE" "$WORK/tiles-iip.txt"; then
    record iiif-tile-iip "IIPImage tiles of the same map under load ($CONNECTIONS connections)" "—" "" info \
      "$TILE_RPS" req/s "$TILE_DETAIL; iipsrv $(dpkg-query -W -f '${Version}' iipimage-server 2>/dev/null), $(nproc) FastCGI processes behind lighttpd, tile cache 256 MB, JPEG-compressed pyramidal TIFF"
    record iiif-tile-vs-iip "IIIF tiles: portal ÷ IIPImage requests/s" "> 1× (faster than IIPImage)" "" info \
      "$(calc "$OURS_RPS / $TILE_RPS")" × "portal $OURS_RPS req/s, IIPImage $TILE_RPS req/s"
  else
    IIP_WHY="failed: $TILE_DETAIL"
  fi
  stop_iip
fi
if [ -n "$IIP_WHY" ]; then
  record iiif-tile-iip "IIPImage tiles of the same map under load" "—" "" info "" req/s "$IIP_WHY"
fi
