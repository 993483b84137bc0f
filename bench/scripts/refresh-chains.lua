-- Rotating refresh chains: each request takes a refresh token no other request holds and puts back
-- the one the response returns, so every token is used exactly once.
-- args: tokens-file path threads request-member response-member
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local common = require("common")
setup = common.setup
done = common.done
local pool, path, requestMember, pattern

function init(args)
  pool = common.lines(args[1], tonumber(args[3]))
  path = args[2]
  requestMember = args[4]
  pattern = '"' .. args[5] .. '":"([^"]+)"'
end

function request()
  local token = table.remove(pool, 1) or "exhausted"
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, '{"' .. requestMember .. '":"' .. token .. '"}')
end

function response(status, headers, body)
  if status == 200 then
    local next = body:match(pattern)
    if next then table.insert(pool, next) end
  end
end
