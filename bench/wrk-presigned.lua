-- Sends presigned requests, one path per line of the file given after `--`, each exactly once
-- (every line carries its own SignatureNonce, so a second use would be a replay), and counts the
-- answers that are not a 200 naming a user. Used by bench/identity-load.sh with one wrk thread.
local paths = {}
local next_path = 1
local threads = {}
not_users = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
end

function request()
  local path = paths[next_path]
  if path == nil then
    wrk.thread:stop()
    path = paths[#paths]
  end
  next_path = next_path + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"UserName"', 1, true) then
    not_users = not_users + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_users")
  end
  io.write(string.format("answers that were not a user: %d of %d\n", bad, summary.requests))
end
