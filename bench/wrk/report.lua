-- POST /api/v1/reports with a realistic report, different at every request: role, language, forms,
-- signs, place, people, identifying details, a free-text account of 500-2,000 characters, and a
-- contact one time in three. Every body is valid: any answer but 201 is an error.
dofile("common.lua")

local roles = { "victim", "witness", "professional" }
local languages = { "fr", "nl", "de", "en" }
local forms = { "sexual", "labour", "begging", "criminality", "organs", "smuggling", "unknown" }
local signs = { "movement", "documents", "debt", "wages", "deception", "violence", "threats", "isolation",
  "housing", "hours", "vulnerability", "control", "online", "minor", "fear" }
local places = { "home", "workplace", "street", "bar", "salon", "farm", "construction", "online", "vehicle", "other", "unknown" }
local timings = { "now", "days", "weeks", "months", "year", "longer", "unknown" }
local towns = { { "1000", "Bruxelles" }, { "2000", "Antwerpen" }, { "9000", "Gent" }, { "4000", "Liège" },
  { "8000", "Brugge" }, { "3000", "Leuven" }, { "6000", "Charleroi" }, { "5000", "Namur" }, { "3500", "Hasselt" } }
local sentences = {
  "Several workers arrive before dawn in a white van and leave after dark.",
  "They never seem to have their own papers; the manager keeps them in a drawer.",
  "One of them told me she owes a large sum for her journey and cannot leave until it is paid.",
  "The windows of the upstairs flat are covered and about ten people sleep there.",
  "A man collects their wages every Friday and they look frightened when he is around.",
  "Nobody speaks the local language and they are not allowed to talk to customers.",
  "I saw bruises on the arm of the youngest one, who looks about sixteen.",
  "Adverts for the salon appear on a website with new photos every week.",
  "They work seven days a week, more than twelve hours a day, for almost nothing.",
  "When I offered help she looked at the door and said she could not talk.",
}

local function pick(list) return list[math.random(#list)] end

local function some(list, min, max)
  local chosen, seen = {}, {}
  for _ = 1, math.random(min, max) do
    local value = pick(list)
    if not seen[value] then
      seen[value] = true
      table.insert(chosen, '"' .. value .. '"')
    end
  end
  return "[" .. table.concat(chosen, ",") .. "]"
end

local function digits(n)
  local t = {}
  for i = 1, n do t[i] = tostring(math.random(0, 9)) end
  return table.concat(t)
end

local function account()
  local t, length, target = {}, 0, math.random(500, 2000)
  while length < target do
    local s = pick(sentences) .. " (" .. digits(3) .. ")"
    table.insert(t, s)
    length = length + #s + 1
  end
  return table.concat(t, " ")
end

local counter = 0

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0) * 7919)
end

function request()
  counter = counter + 1
  local role = pick(roles)
  local town = pick(towns)
  local minors = math.random(5) == 1
  local handle = "r" .. digits(6)
  local body = {
    '{"role":"', role, '","language":"', pick(languages), '"',
    ',"immediateDanger":', (math.random(10) == 1) and "true" or "false",
    ',"exploitationTypes":', some(forms, 1, 2),
    ',"signs":', some(signs, 2, 6),
    ',"minorsInvolved":', minors and "true" or "false",
    minors and (',"youngestAge":' .. math.random(10, 17)) or "",
    ',"location":{"country":"BE","postcode":"', town[1], '","municipality":"', town[2], '","placeType":"', pick(places), '"}',
    ',"when":"', pick(timings), '","whenDetails":"Most evenings, the last time on day ', digits(2), '"',
    ',"people":{"count":', math.random(1, 12), ',"ages":"between 16 and 30","languages":"Romanian, some English","descriptions":"A tall man with a grey coat drives the van, plate seen twice."}',
    ',"entities":{"phones":["+32 47', digits(1), ' ', digits(2), ' ', digits(2), ' ', digits(2), '"]',
    ',"emails":["', handle, '@example.com"]',
    ',"urls":["https://ads.example.net/', handle, '","@', handle, '"]',
    ',"plates":["1-ABC-', digits(3), '"]',
    ',"companies":["Clean Star ', digits(2), ' BV"]}',
    ',"description":"', account(), '"',
  }
  if role == "witness" then table.insert(body, ',"relationship":"neighbour"') end
  if role == "professional" then table.insert(body, ',"profession":"labour inspector, regional office"') end
  if math.random(3) == 1 then
    table.insert(body, ',"contact":{"channel":"sms","address":"+32 49' .. digits(1) .. ' ' .. digits(2) .. ' ' .. digits(2) .. ' ' .. digits(2) ..
      '","safeTimes":"weekdays 9-12","mayLeaveMessage":false,"codeWord":"lighthouse"}')
  end
  table.insert(body, "}")
  return wrk.format("POST", "/api/v1/reports",
    { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["Accept-Language"] = "en" },
    table.concat(body))
end
