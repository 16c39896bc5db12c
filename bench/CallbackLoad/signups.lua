-- wrk -t2 -c50 -d10s --latency -s bench/CallbackLoad/signups.lua http://127.0.0.1:5184 -- callbacks.txt 2
-- Sends the pre-generated callbacks of callbacks.txt (written by `CallbackLoad generate`), each once: thread k of n
-- takes lines k, k+n, k+2n, … after the first (the chair's /发起报名, sent beforehand). A thread that runs out starts
-- again from its first line: those repeats are redeliveries, answered empty; generate enough for the duration.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  local total = tonumber(args[2])
  reqs, i = {}, 0
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    if n > 1 and (n - 2) % total == tid then
      local tab = line:find("\t", 1, true)
      reqs[#reqs + 1] = wrk.format("POST", line:sub(1, tab - 1), { ["Content-Type"] = "application/json" }, line:sub(tab + 1))
    end
  end
end

function request()
  i = i + 1
  if i > #reqs then i = 1 end
  return reqs[i]
end
