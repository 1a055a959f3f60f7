-- wrk script: PUT /api/v1/customers/{id}/approve for each id of the file named by the first
-- argument, each once: thread k of 2 takes every other id. When a thread runs out it repeats its
-- last id, which answers 409 and is left out of the rate (wrk counts it as non-2xx).
local threads = 0
local ids = {}
local next = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  local n = 0
  for line in io.lines(args[1]) do
    if n % 2 == tid then ids[#ids + 1] = line end
    n = n + 1
  end
end

function request()
  next = next + 1
  local id = ids[next] or ids[#ids]
  return wrk.format("PUT", "/api/v1/customers/" .. id .. "/approve")
end
