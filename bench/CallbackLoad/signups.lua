-- wrk -t2 -c50 -d10s --latency -s bench/CallbackLoad/signups.lua http://127.0.0.1:5184 -- callbacks.txt 2
-- Sends pre-generated callbacks, each once, from as many wrk threads as the last argument says (wrk.sh: 2). Thread k
-- reads callbacks.txt.k, which wrk.sh writes from the lines of `CallbackLoad generate` (with two threads lines 2, 4,
-- 6 … to thread 0, lines 3, 5, 7 … to thread 1; the first line, the chair's /发起报名, is sent with curl before): each
-- callback as the whole HTTP request, after its length on a line of its own.
--
-- Why it is built this way: wrk runs every thread's init() one after the other on its main thread and starts each
-- thread as soon as its own init() is done, while its clock starts only after the last one. What a thread sends
-- before that is counted all the same, sent while the next thread's init() takes the CPU from the bot. With each
-- thread reading the whole file and building every request with wrk.format, the two init()s took 2.3 s (timed) and
-- the first thread's head start flattered /报名's rate. So init() only reads requests ready to send, and no thread
-- sends before the last init() is done: the last one leaves callbacks.txt.go behind, the others wait for it.
--
-- A thread that runs out starts again from its first callback: those repeats are redeliveries, answered from the
-- claim without running the command, so a run that repeats measures a cheaper path than /报名's; done() then prints a
-- line starting "REPEATED" on stderr.
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  reqs, i = {}, 0
  go = args[1] .. ".go"
  if tid == 0 then os.remove(go) end -- left by the run before
  local file = assert(io.open(args[1] .. "." .. tid, "rb"))
  while true do
    local length = file:read("*n")
    if not length then break end
    file:read(1) -- the end of the length's line
    reqs[#reqs + 1] = file:read(length)
  end
  file:close()
  if tid == tonumber(args[2]) - 1 then assert(io.open(go, "w")):close() end
  -- wrk asks thread 0 for one request on its main thread, right after this init(), to see whether the script
  -- pipelines: that call must not wait for the others' init().
  pipelining_check = tid == 0
end

-- Returns once the last thread's init() has left its marker.
local function await_all_threads()
  while true do
    local marker = io.open(go)
    if marker then marker:close(); return end
    os.execute("sleep 0.01")
  end
end

function request()
  if not started then
    if pipelining_check then
      pipelining_check = false
    else
      await_all_threads()
      started = true
    end
  end
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
