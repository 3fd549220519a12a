-- wrk script: POST /api/v1/auth/token/refresh, always with the newest refresh token of a session.
-- Usage: wrk ... -s refresh.lua <url> -- <tokens-file> <threads>
--
-- Refresh tokens rotate on every use and a reused one revokes its session, so each request
-- must send a token that has not been sent before. wrk does not tell a script which
-- connection a request or response belongs to, so each thread keeps a queue of unused
-- tokens: response() appends the new refresh_token of every 200, request() takes the oldest.
-- A connection has at most one request in flight, so as long as the thread starts with at
-- least as many tokens as it has connections the queue never runs dry, and every token is
-- used exactly once. bench.sh hands over about twice as many tokens as connections: wrk
-- calls request() once more on the first thread before the run, to check the request,
-- and that token is dropped.
--
-- A response without a token (an error) loses that session; when the queue is empty the
-- request goes out with an invalid token, is refused, and shows up as a non-2xx response.

local threads = {}
local next_thread = 0

function setup(thread)
   thread:set("thread_no", next_thread)
   next_thread = next_thread + 1
   table.insert(threads, thread)
end

local queue = {}
local head, tail = 1, 0
local headers = { ["Content-Type"] = "application/json" }
lost = 0    -- responses that carried no refresh_token
starved = 0 -- requests sent with no token left

function init(args)
   local path = assert(args[1], "refresh.lua: pass the tokens file after --")
   local nthreads = tonumber(args[2] or "1")
   local file = assert(io.open(path, "r"))
   local i = 0
   for line in file:lines() do
      local token = line:match("^%s*(%S+)%s*$")
      if token then
         -- Deal the tokens out round-robin: thread k takes lines k, k+n, k+2n, ...
         if i % nthreads == (thread_no or 0) then
            tail = tail + 1
            queue[tail] = token
         end
         i = i + 1
      end
   end
   file:close()
end

function request()
   local token
   if head <= tail then
      token = queue[head]
      queue[head] = nil
      head = head + 1
   else
      token = "bench-no-token-left"
      starved = starved + 1
   end
   local body = '{"refresh_token":"' .. token .. '"}'
   return wrk.format("POST", "/api/v1/auth/token/refresh", headers, body)
end

function response(status, headers, body)
   local token = status == 200 and body and body:match('"refresh_token"%s*:%s*"([^"]+)"')
   if token then
      tail = tail + 1
      queue[tail] = token
   else
      lost = lost + 1
   end
end

function done(summary, latency, requests)
   local lost_total, starved_total = 0, 0
   for _, thread in ipairs(threads) do
      lost_total = lost_total + (thread:get("lost") or 0)
      starved_total = starved_total + (thread:get("starved") or 0)
   end
   io.write(string.format("refresh.lua: %d responses without a refresh_token, %d requests sent with no token left\n",
      lost_total, starved_total))
end
