-- Neovim's built-in LSP client (0.7+: vim.lsp.start_client and buf_attach_client) against `planlint lsp`:
-- opens PLAN_FILE, waits for planlint's diagnostics (both as sent and as Neovim placed them in the buffer), asks for document symbols and a hover, shuts the server
-- down and writes what Neovim holds as JSON to OUT_FILE. Run by run_nvim_test.sh:
--   PLANLINT=… PLAN_FILE=… OUT_FILE=… nvim --headless --clean -i NONE -n -c 'luafile nvim_diagnostics.lua'
local timeout = tonumber(os.getenv('PLANLINT_TIMEOUT_MS') or '20000')

local function finish(code, message)
  if message then io.stderr:write(message .. '\n') end
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end

local function main()
  local planlint, file, out = os.getenv('PLANLINT'), os.getenv('PLAN_FILE'), os.getenv('OUT_FILE')
  assert(planlint and file and out, 'set PLANLINT, PLAN_FILE and OUT_FILE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local published, raw, server_exit = false, {}, nil
  local handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      if result.uri == vim.uri_from_bufnr(bufnr) then
        published = true
        raw = {}
        for _, d in ipairs(result.diagnostics) do
          table.insert(raw, {
            line = d.range.start.line, character = d.range.start.character,
            end_line = d.range['end'].line, end_character = d.range['end'].character,
            severity = d.severity, code = d.code, message = d.message,
          })
        end
      end
    end,
  }
  local client_id = vim.lsp.start_client({
    name = 'planlint',
    cmd = { planlint, 'lsp' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    handlers = handlers,
    on_exit = function(code) server_exit = code end,
  })
  assert(client_id, 'vim.lsp.start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(timeout, function() return published end, 50) then
    return finish(1, 'no diagnostics from planlint lsp within ' .. timeout .. ' ms')
  end

  -- What Neovim shows: byte columns, converted back to UTF-16 code units of the line for the comparison.
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local function utf16(lnum, col)
      local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
      local _, units = vim.str_utfindex(line, math.min(col, #line))
      return units
    end
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(diagnostics, {
      line = d.lnum, character = utf16(d.lnum, d.col),
      end_line = d.end_lnum, end_character = utf16(d.end_lnum, d.end_col),
      byte_col = d.col, severity = d.severity, code = d.code or lsp.code, message = d.message,
      source = d.source, href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  table.sort(diagnostics, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    return a.character < b.character
  end)

  local uri = vim.uri_from_bufnr(bufnr)
  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, timeout)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = tonumber(os.getenv('HOVER_LINE') or '0'), character = 0 } }, timeout)
  local function result_of(responses)
    for _, r in pairs(responses or {}) do return r.result end
    return vim.NIL
  end
  local goals = {}
  for _, g in ipairs(result_of(symbols) or {}) do table.insert(goals, { name = g.name, measures = #(g.children or {}) }) end
  local h = result_of(hover)

  vim.lsp.stop_client(client_id)
  if not vim.wait(timeout, function() return server_exit ~= nil end, 50) then
    return finish(1, 'planlint lsp did not exit after shutdown')
  end
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode({
    diagnostics = diagnostics, raw = raw, symbols = goals,
    hover = (type(h) == 'table' and h.contents and h.contents.value) or vim.NIL,
    server_exit = server_exit,
  }))
  f:close()
  finish(0)
end

local ok, err = pcall(main)
if not ok then finish(1, 'nvim_diagnostics.lua: ' .. tostring(err)) end
