-- wrk -t2 -c50 -d10s --latency -s bench/CallbackLoad/signups.lua http://127.0.0.1:5184 -- callbacks.txt 2
-- Sends the pre-generated callbacks of callbacks.txt (written by `CallbackLoad generate`), each once: thread k of n
-- takes lines k, k+n, k+2n, … after the first (the chair's /发起报名, sent beforehand). A thread that runs out starts
-- again from its first line: those repeats are redeliveries, answered from the claim without running the command, so
-- a run that repeats measures a cheaper path than /报名's; done() then prints a line starting "REPEATED" on stderr.
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
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
  if i > #reqs then i, wrapped = 1, true end
  return reqs[i]
end

function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    if t:get("wrapped") then
      io.stderr:write("REPEATED: a wrk thread ran out of distinct callbacks; generate more for this duration\n")
      return
    end
  end
end
