-- wrk script for scripts/bench: cycles through the query strings of bench/search-queries.txt
-- (1–3 word queries, some with a filter), each thread from its own offset, against the path
-- given as the URL (/api/v1/search or /search); reports like wrk-report.lua.
local queries = {}
for line in io.lines(os.getenv("SEARCH_QUERIES") or "bench/search-queries.txt") do
  if line ~= "" then queries[#queries + 1] = line end
end
local counter = 0
local base = nil

init = function(args)
  counter = math.random(#queries)
end

request = function()
  if base == nil then base = wrk.path end
  counter = counter % #queries + 1
  return wrk.format("GET", base .. "?" .. queries[counter])
end

dofile(os.getenv("WRK_REPORT") or "bench/wrk-report.lua")
