-- wrk script: POST /api/v1/auth/register with a new e-mail address on every request.
-- Usage: wrk ... -s register.lua <url> -- <run-tag>
-- The address is bench-<run-tag>-t<thread>-<counter>@example.com: the thread number comes
-- from setup(), the counter is per thread, so no two requests of a run share an address.

local threads = {}
local next_thread = 0

function setup(thread)
   thread:set("thread_no", next_thread)
   next_thread = next_thread + 1
   table.insert(threads, thread)
end

local run_tag = "run"
local counter = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
   if args[1] and args[1] ~= "" then
      run_tag = args[1]
   end
end

function request()
   counter = counter + 1
   local body = string.format(
      '{"email":"bench-%s-t%d-%d@example.com","password":"correct horse battery staple 1"}',
      run_tag, thread_no or 0, counter)
   return wrk.format("POST", "/api/v1/auth/register", headers, body)
end
