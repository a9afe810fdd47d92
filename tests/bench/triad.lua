-- triad.lua - the Tension / Noise / Direct Message callouts as a pandoc Lua
-- filter, for `make bench` to time against `--filter dm` fairly: the same
-- triad list becomes the same group of callout divs (class, role, label,
-- title, body), and "The Direct Message" section a callout too.  Only
-- the triad and the section: what an author of a Lua filter writes for
-- this format, nothing of dm's other sources, options or formats.
--
--   pandoc article.md -s --lua-filter tests/bench/triad.lua -o article.html

local labels = {
  ["tension"] = {"tension", "Tension"},
  ["noise"] = {"noise", "Noise"},
  ["direct message"] = {"direct-message", "Direct Message"},
}

-- The type of an item whose first block opens with "Label:", and the
-- item with the label taken out; nil when it has no label.
local function labelled(item)
  local first = item[1]
  if not first or (first.t ~= "Para" and first.t ~= "Plain") then
    return nil
  end
  local words, n = {}, 0
  for i, el in ipairs(first.content) do
    if el.t == "Str" then
      words[#words + 1] = el.text
      if el.text:sub(-1) == ":" then n = i; break end
    elseif el.t ~= "Space" then
      return nil
    end
    if #words > 2 then return nil end
  end
  if n == 0 then return nil end
  local label = table.concat(words, " "):sub(1, -2):lower()
  local t = labels[label]
  if not t then return nil end
  local rest = pandoc.List()
  for i = n + 1, #first.content do rest:insert(first.content[i]) end
  if rest[1] and rest[1].t == "Space" then rest:remove(1) end
  local body = pandoc.List({pandoc.Para(rest)})
  for i = 2, #item do body:insert(item[i]) end
  return t, body
end

local function callout(t, body)
  local title = pandoc.Div({pandoc.Plain({pandoc.Str(t[2])})},
    pandoc.Attr("", {"callout-title"}))
  return pandoc.Div({title, pandoc.Div(body, pandoc.Attr("", {"callout-body"}))},
    pandoc.Attr("", {"callout", "callout-" .. t[1]},
      {role = "note", ["aria-label"] = t[2]}))
end

function BulletList(list)
  local boxes = {}
  for _, item in ipairs(list.content) do
    local t, body = labelled(item)
    if not t then return nil end
    boxes[#boxes + 1] = callout(t, body)
  end
  return pandoc.Div(boxes, pandoc.Attr("", {"callout-group"}))
end

-- "The Direct Message" section, up to the next heading of its level.
function Blocks(blocks)
  local out, i = pandoc.List(), 1
  while i <= #blocks do
    local b = blocks[i]
    if b.t == "Header" and pandoc.utils.stringify(b) == "The Direct Message" then
      local body, j = pandoc.List(), i + 1
      while j <= #blocks and not (blocks[j].t == "Header" and blocks[j].level <= b.level) do
        body:insert(blocks[j]); j = j + 1
      end
      out:insert(callout(labels["direct message"], body))
      i = j
    else
      out:insert(b); i = i + 1
    end
  end
  return out
end
