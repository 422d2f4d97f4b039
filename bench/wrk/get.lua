-- GET one page (the path given on wrk's command line) and count statuses.
dofile("common.lua")
