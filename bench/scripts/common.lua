-- Shared by the scenario scripts: load this thread's share of a data file and print a JSON summary.
local M = {}

local threads = {}
local counter = 0

function M.setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

-- Lines of `path` whose index modulo `total` equals this thread's id (so threads never share a line).
function M.lines(path, total)
  local mine, index = {}, 0
  for line in io.lines(path) do
    if line ~= "" then
      if index % total == id then table.insert(mine, line) end
      index = index + 1
    end
  end
  return mine
end

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"status_errors":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
end

return M
