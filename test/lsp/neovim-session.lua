-- Drives `pilotplan lsp --stdio` with Neovim's own LSP client, headless: opens a plan, reads the
-- diagnostics, types a criterion, asks for the inlay hints, and writes what it saw as JSON lines.
local root = os.getenv('PILOTPLAN_ROOT')
local plan = os.getenv('PILOTPLAN_PLAN')
local out = io.open(os.getenv('PILOTPLAN_OUT'), 'w')
local function say(kind, value)
  out:write(vim.fn.json_encode({ kind = kind, value = value }) .. '\n')
  out:flush()
end

-- The set-up users copy: editors/neovim/pilotplan.lua, with the server started from this checkout.
vim.g.pilotplan_cmd = { os.getenv('PILOTPLAN_NODE'), os.getenv('PILOTPLAN_BIN'), 'lsp', '--stdio' }
dofile(os.getenv('PILOTPLAN_SNIPPET'))
vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. plan))
local buf = vim.api.nvim_get_current_buf()
local id
vim.wait(20000, function()
  local clients = vim.lsp.buf_get_clients(buf)
  for client_id in pairs(clients) do id = client_id end
  return id ~= nil
end, 50)
if not id then say('error', 'the snippet started no client') end

local function diagnostics()
  local list = {}
  for _, item in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = item.code, line = item.lnum + 1, column = item.col + 1, severity = item.severity, message = item.message })
  end
  table.sort(list, function(a, b) return a.line < b.line or (a.line == b.line and a.column < b.column) end)
  return list
end

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then say('error', 'no diagnostics on open') end
say('opened', diagnostics())

-- The snippet puts each reading at the end of its line (as virtual text before Neovim 0.10).
local namespace = vim.api.nvim_create_namespace('pilotplan-hints')
vim.wait(10000, function() return #vim.api.nvim_buf_get_extmarks(buf, namespace, 0, -1, {}) > 0 end, 50)
local shown = {}
for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(buf, namespace, 0, -1, { details = true })) do
  table.insert(shown, { line = mark[2] + 1, text = mark[4].virt_text[1][1] })
end
say('hints', shown)

-- Fix the misspelt key with the server's quick fix, as `:lua vim.lsp.buf.code_action()` would.
local client = vim.lsp.get_client_by_id(id)
for _, item in ipairs(vim.diagnostic.get(buf)) do
  if item.message:match('`ownr`') then
    local response = client.request_sync('textDocument/codeAction', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = item.lnum, character = item.col }, ['end'] = { line = item.end_lnum, character = item.end_col } },
      context = { diagnostics = { {
        range = { start = { line = item.lnum, character = item.col }, ['end'] = { line = item.end_lnum, character = item.end_col } },
        code = item.code, message = item.message, severity = item.severity, source = item.source,
      } } },
    }, 5000, buf)
    local action = response and response.result and response.result[1]
    if action then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      say('fixed', { title = action.title, line = vim.api.nvim_buf_get_lines(buf, item.lnum, item.lnum + 1, false)[1] })
    end
  end
end

-- Type a criterion under the exit criteria, as an author would.
local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
local at
for index, line in ipairs(lines) do
  if line:match('^%- P1 defects') then at = index end
end
vim.api.nvim_buf_set_lines(buf, at, at, false, { '- Checkout p95 latency below 800 ms over 1 hour' })
local hints
vim.wait(20000, function()
  local response = client.request_sync('textDocument/inlayHint', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = at, character = 0 }, ['end'] = { line = at, character = 0 } },
  }, 5000, buf)
  hints = response and response.result or {}
  return #hints > 0
end, 100)
local labels = {}
for _, hint in ipairs(hints or {}) do table.insert(labels, { line = hint.position.line + 1, label = hint.label }) end
say('typed', labels)

-- Start another bullet and ask for completion, as <C-x><C-o> with the LSP omnifunc would.
vim.api.nvim_buf_set_lines(buf, at + 1, at + 1, false, { '- ' })
local completed = {}
vim.wait(20000, function()
  local response = client.request_sync('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = at + 1, character = 2 },
  }, 5000, buf)
  local items = response and response.result or {}
  items = items.items or items
  completed = {}
  for _, item in ipairs(items) do table.insert(completed, item.label) end
  return #completed > 0
end, 100)
say('completed', completed)

client.stop()
vim.wait(5000, function() return client.is_stopped() end, 50)
out:close()
vim.cmd('qa!')
