#!/usr/bin/env node
// One timed editor session against a language server, for bench/clangd.py:
// didOpen FILE and the time until its diagnostics are published (preamble
// and AST: what a user waits for when opening a file), then EDITS edits
// that each add a line at the end of the file and the time until their
// diagnostics are published (the preamble is reused: what a user waits
// for while typing). Prints one JSON object.
//
//   node lsp-timing.js --server BIN [--server-arg ARG]... --root DIR
//        --file FILE [--edits 3]
//
// The LSP client is the editor tests' (lit-tests/editor/lsp-client.js, on
// Microsoft's vscode-languageserver-protocol, installed there by
// scripts/setup.sh).

'use strict';

const fs = require('fs');
const path = require('path');
const { parseArgs, Session } = require(
    path.join(__dirname, '..', 'lit-tests', 'editor', 'lsp-client'));

const since = (start) => Number(process.hrtime.bigint() - start) / 1e6;

async function main() {
  const opts = parseArgs(process.argv.slice(2), { repeated: ['server-arg'] });
  const edits = Number(opts.edits || 3);
  const session = new Session(opts.server, opts['server-arg'], opts.file);
  await session.initialize(opts.root, {
    textDocument: { publishDiagnostics: { versionSupport: true } },
  });

  let text = fs.readFileSync(opts.file, 'utf8');
  let start = process.hrtime.bigint();
  await session.open(text);
  const diagnostics = (await session.diagnosticsFor(1)).length;
  const openMs = since(start);

  const editMs = [];
  for (let version = 2; version < 2 + edits; ++version) {
    text += `// edit ${version}\n`;
    start = process.hrtime.bigint();
    await session.change(text, version);
    await session.diagnosticsFor(version);
    editMs.push(since(start));
  }
  await session.shutdown();
  console.log(JSON.stringify({ openMs, editMs, diagnostics }));
}

main().catch((error) => {
  console.error(`lsp-timing: ${error.message}`);
  process.exit(1);
});
