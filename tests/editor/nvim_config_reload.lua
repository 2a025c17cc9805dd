-- Neovim's built-in LSP client, set up with the README's configuration for Neovim 0.7 (README_CONFIG, cut
-- from README.md by run_nvim_reload_test.sh), against `planlint lsp`: the diagnostics of an open plan must
-- follow its .planlint.toml
--   1. as first read;
--   2. after the configuration is edited and saved in Neovim (`:write` of the .planlint.toml buffer);
--   3. after the configuration is rewritten on disk, behind Neovim's back, and the plan saved (`:write`);
--   4. after it is rewritten on disk again and the plan edited.
-- At each step the expected diagnostics are `planlint check --format json` of the plan under the
-- configuration then on disk, and they must differ from the step before, so that no step passes unchanged.
--   PLANLINT=… README_CONFIG=… PLAN_FILE=… CONFIG_FILE=… CONFIGS=… nvim --headless --clean -i NONE -n \
--     -c 'luafile nvim_config_reload.lua'
-- CONFIGS holds the four configurations' texts, separated by lines of `---`.
local timeout = tonumber(os.getenv('PLANLINT_TIMEOUT_MS') or '20000')

local function finish(code, message)
  if message then io.stderr:write(message .. '\n') end
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end

local function read(path)
  local f = assert(io.open(path, 'r'))
  local text = f:read('*a')
  f:close()
  return text
end

local function write(path, text)
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

-- Diagnostics as sorted "line:rule" keys: what `planlint check` says of the file on disk, and what Neovim holds.
local function keys_of(list, line_of, rule_of)
  local keys = {}
  for _, d in ipairs(list) do table.insert(keys, line_of(d) .. ':' .. tostring(rule_of(d))) end
  table.sort(keys)
  return table.concat(keys, ' ')
end

local function expected_keys(planlint, plan)
  local out = vim.fn.system({ planlint, 'check', '--format', 'json', plan })
  assert(vim.v.shell_error <= 1, 'planlint check failed (' .. vim.v.shell_error .. '): ' .. out)
  return keys_of(vim.fn.json_decode(out), function(f) return f.line - 1 end, function(f) return f.rule end)
end

local function held_keys(bufnr)
  return keys_of(vim.diagnostic.get(bufnr), function(d) return d.lnum end,
    function(d) return d.code or ((d.user_data or {}).lsp or {}).code end)
end

local function main()
  local planlint, plan, config = os.getenv('PLANLINT'), os.getenv('PLAN_FILE'), os.getenv('CONFIG_FILE')
  local configs = vim.split(read(assert(os.getenv('CONFIGS'), 'set CONFIGS')), '\n---\n', { plain = true })
  assert(#configs == 4, 'CONFIGS: expected 4 configurations, got ' .. #configs)
  dofile(assert(os.getenv('README_CONFIG'), 'set README_CONFIG'))

  write(config, configs[1])
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local bufnr = vim.api.nvim_get_current_buf()
  -- A client is listed for the buffer once the server has answered initialize.
  if not vim.wait(timeout, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 50) then
    return finish(1, "the README's configuration attached no language server to " .. plan)
  end

  local previous
  local function expect(step)
    local want = expected_keys(planlint, plan)
    if want == previous then
      return false, step .. ': planlint check gives the same findings as before; the step would prove nothing'
    end
    if want == '' then return false, step .. ': planlint check finds nothing; the step would prove nothing' end
    previous = want
    if vim.wait(timeout, function() return held_keys(bufnr) == want end, 50) then return true end
    return false, string.format('%s: within %d ms, Neovim held\n  %s\nbut planlint check gives\n  %s',
      step, timeout, held_keys(bufnr), want)
  end

  local ok, message = expect('1. as first read')
  if not ok then return finish(1, message) end

  -- 2. The configuration edited in Neovim, in a window of its own, and saved.
  vim.cmd('split ' .. vim.fn.fnameescape(config))
  vim.api.nvim_buf_set_lines(0, 0, -1, false, vim.split(configs[2], '\n', { plain = true }))
  vim.cmd('write')
  vim.cmd('close')
  ok, message = expect('2. .planlint.toml saved in Neovim')
  if not ok then return finish(1, message) end

  -- 3. Rewritten on disk (a `git checkout`, another editor), then the plan saved.
  write(config, configs[3])
  vim.cmd('write')
  ok, message = expect('3. .planlint.toml rewritten on disk, then the plan saved')
  if not ok then return finish(1, message) end

  -- 4. Rewritten on disk again, then the plan edited: an empty line appended, not saved (planlint check
  -- reads the file on disk, without it; an empty line at the end changes no finding).
  write(config, configs[4])
  vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, { '' })
  ok, message = expect('4. .planlint.toml rewritten on disk, then the plan edited')
  if not ok then return finish(1, message) end
  finish(0)
end

local ok, err = pcall(main)
if not ok then finish(1, 'nvim_config_reload.lua: ' .. tostring(err)) end
