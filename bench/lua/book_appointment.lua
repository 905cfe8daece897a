-- POST /v1/appointments, each request booking a distinct slot, so every one should be a 201.
--
-- Request k of thread t is booking number i = BENCH_OFFSET + t + k * BENCH_THREADS. It books
-- practitioner i % P with patient i % N (N >= P) for 20 minutes from BENCH_BASE_EPOCH +
-- floor(i / P) * 30 minutes. Two bookings of one practitioner differ in i by a multiple of P,
-- two of one patient by a multiple of N >= P: either way floor(i / P) differs, so the slots
-- never overlap. Each wrk run (warm-up, measurement) gets its own BENCH_OFFSET.

local patients, practitioners = {}, {}
local offset, stride, base, counter = 0, 1, 0, 0
local idempotency = false

local function read_lines(path, into)
  for line in io.lines(path) do
    into[#into + 1] = line
  end
end

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
  wrk.headers["Content-Type"] = "application/json"
  read_lines(os.getenv("BENCH_PATIENTS_FILE"), patients)
  read_lines(os.getenv("BENCH_PRACTITIONERS_FILE"), practitioners)
  offset = tonumber(os.getenv("BENCH_OFFSET")) + tid
  stride = tonumber(os.getenv("BENCH_THREADS"))
  base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  idempotency = os.getenv("BENCH_IDEMPOTENCY_KEY") == "1"
end

local function timestamp(seconds)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", seconds)
end

function request()
  local i = offset + counter * stride
  counter = counter + 1
  local start = base + math.floor(i / #practitioners) * 1800
  local body = string.format(
    '{"patient_id":"%s","practitioner_id":"%s","start_at":"%s","end_at":"%s",'
      .. '"reason":"Benchmark booking"}',
    patients[i % #patients + 1], practitioners[i % #practitioners + 1],
    timestamp(start), timestamp(start + 1200))
  if idempotency then
    wrk.headers["Idempotency-Key"] = "bench-" .. i
  end
  return wrk.format("POST", "/v1/appointments", nil, body)
end
