-- Shared by every wrk script here: counts responses by status in each thread and prints one line of
-- key=value figures that bench/run.sh reads. Any status other than the expected one is an error.
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

statuses = {}
-- A hard cap on requests, on top of wrk's duration: BENCH_MAX_REQUESTS shared by BENCH_THREADS threads.
local cap = math.floor((tonumber(os.getenv("BENCH_MAX_REQUESTS") or "") or 3000000) / (tonumber(os.getenv("BENCH_THREADS") or "") or 2))
local answered = 0

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if answered >= cap then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(counts) do
    table.insert(parts, string.format("s%d=%d", status, n))
  end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d non2xx=%d %s\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, table.concat(parts, " ")))
end
