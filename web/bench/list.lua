-- wrk script: GET each path of the file named by the first argument in turn (one a line).
local paths = {}
local next = 0

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end

function request()
  next = next + 1
  return wrk.format("GET", paths[(next % #paths) + 1])
end
