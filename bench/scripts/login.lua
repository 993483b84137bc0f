-- Password logins of many users (lines "email password").
-- args: users-file path threads
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local common = require("common")
setup = common.setup
done = common.done
local users, i, path

function init(args)
  path = args[2]
  users = common.lines(args[1], tonumber(args[3]))
  i = math.random(#users)
end

function request()
  i = i % #users + 1
  local email, password = users[i]:match("^(%S+) (.+)$")
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" },
    '{"email":"' .. email .. '","password":"' .. password .. '"}')
end
