-- GET /v1/patients/{id}, authenticated: rotates through the ids listed (one per line) in the
-- file BENCH_IDS_FILE; each thread starts at a different place in the list.

local requests = {}
local count, next_index = 0, 0

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  for id in io.lines(os.getenv("BENCH_IDS_FILE")) do
    count = count + 1
    requests[count] = wrk.format("GET", "/v1/patients/" .. id)
  end
  next_index = (tid * 7919) % count
end

function request()
  next_index = next_index % count + 1
  return requests[next_index]
end
