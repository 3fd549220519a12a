-- wrk script: POST /api/v1/auth/login for one user registered beforehand.
-- Usage: wrk ... -s login.lua <url> -- <email> <password>

function init(args)
   local email = assert(args[1], "login.lua: pass the e-mail address after --")
   local password = assert(args[2], "login.lua: pass the password after --")
   wrk.method = "POST"
   wrk.path = "/api/v1/auth/login"
   wrk.headers["Content-Type"] = "application/json"
   -- Neither value contains a quote or a backslash (bench.sh chooses them), so no escaping.
   wrk.body = string.format('{"email":"%s","password":"%s"}', email, password)
end
