-- wrk script for scripts/bench: cycles through the tile URL paths listed in $TILE_URLS (one per
-- line, made by bench/tile-urls.py: every stored tile of an image at every level), each thread
-- from its own offset, against the host given as wrk's URL; reports like wrk-report.lua.
local paths = {}
for line in io.lines(os.getenv("TILE_URLS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local counter = 0
local threads = 0

setup = function(thread)
  thread:set("thread_no", threads)
  threads = threads + 1
end

init = function(args)
  -- thread_no is set by setup in this thread's own Lua state.
  counter = ((thread_no or 0) * 977) % #paths
end

request = function()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

dofile(os.getenv("WRK_REPORT") or "bench/wrk-report.lua")
