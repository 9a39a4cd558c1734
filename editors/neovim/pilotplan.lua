-- Pilotplan in Neovim (0.7 or newer): starts `npx --no pilotplan lsp --stdio` for plans under content/,
-- and shows each criterion's reading at the end of its line. Neovim 0.10 and newer show inlay hints
-- themselves (`vim.lsp.inlay_hint.enable(true)`); older ones get them here as virtual text.
-- Load it from your init.lua: `dofile('/path/to/pilotplan.lua')`.
local namespace = vim.api.nvim_create_namespace('pilotplan-hints')
local clients = {}
-- The command that starts the server; set `vim.g.pilotplan_cmd` to start it another way.
-- `--no`: npx runs the project's own pilotplan and never fetches a package of that name from the registry.
local command = vim.g.pilotplan_cmd or { 'npx', '--no', 'pilotplan', 'lsp', '--stdio' }

local function show_hints(client, buf)
  local lines = vim.api.nvim_buf_line_count(buf)
  client.request('textDocument/inlayHint', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = lines, character = 0 } },
  }, function(_, hints)
    if not vim.api.nvim_buf_is_valid(buf) then return end
    vim.api.nvim_buf_clear_namespace(buf, namespace, 0, -1)
    for _, hint in ipairs(hints or {}) do
      -- The line may be gone by the time the answer comes: a hint for it is dropped.
      pcall(vim.api.nvim_buf_set_extmark, buf, namespace, hint.position.line, 0, { virt_text = { { ' ' .. hint.label, 'Comment' } }, virt_text_pos = 'eol' })
    end
  end, buf)
end

vim.api.nvim_create_autocmd('BufEnter', {
  -- In an autocmd pattern `*` also matches `/`, so this covers every plan under content/.
  pattern = '*/content/*.mdx',
  callback = function(event)
    -- Once per buffer: entering it again must not start another client or add the autocmds twice.
    if pcall(vim.api.nvim_buf_get_var, event.buf, 'pilotplan_attached') then return end
    vim.api.nvim_buf_set_var(event.buf, 'pilotplan_attached', true)
    local root = vim.fn.fnamemodify(vim.fn.finddir('content', vim.fn.expand('%:p:h') .. ';'), ':p:h:h')
    -- Only a project that has pilotplan installed (or a command of your own): any other `content/` is not a Pilot Plan site.
    if not vim.g.pilotplan_cmd and vim.fn.executable(root .. '/node_modules/.bin/pilotplan') ~= 1 then return end
    -- One server per project, shared by its plans.
    local id = clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client({ name = 'pilotplan', cmd = command, root_dir = root })
      clients[root] = id
    end
    if not id then return end
    vim.lsp.buf_attach_client(event.buf, id)
    if vim.lsp.inlay_hint then
      vim.lsp.inlay_hint.enable(true, { bufnr = event.buf })
      return
    end
    local client = vim.lsp.get_client_by_id(id)
    -- The server publishes diagnostics after each check of the plan: the readings are ready then too.
    vim.api.nvim_create_autocmd({ 'DiagnosticChanged', 'InsertLeave' }, {
      buffer = event.buf,
      callback = function() show_hints(client, event.buf) end,
    })
  end,
})
