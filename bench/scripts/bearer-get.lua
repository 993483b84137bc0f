-- GET <path> with a different user's bearer token on every request.
-- args: tokens-file path threads
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua"
local common = require("common")
setup = common.setup
done = common.done
local tokens, i, path

function init(args)
  path = args[2]
  tokens = common.lines(args[1], tonumber(args[3]))
  i = math.random(#tokens)
end

function request()
  i = i % #tokens + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[i] })
end
