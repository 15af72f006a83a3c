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
// The LSP client is Microsoft's vscode-languageserver-protocol, installed
// in lit-tests/editor/node_modules by scripts/setup.sh.

'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require(path.join(__dirname, '..', 'lit-tests', 'editor', 'node_modules',
                              'vscode-languageserver-protocol', 'node'));

function parseArgs(argv) {
  const opts = { serverArgs: [], edits: 3 };
  for (let i = 0; i < argv.length; ++i) {
    const next = () => argv[++i];
    switch (argv[i]) {
      case '--server': opts.server = next(); break;
      case '--server-arg': opts.serverArgs.push(next()); break;
      case '--root': opts.root = path.resolve(next()); break;
      case '--file': opts.file = path.resolve(next()); break;
      case '--edits': opts.edits = Number(next()); break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const server = spawn(opts.server, opts.serverArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(
      new rpc.StreamMessageReader(server.stdout),
      new rpc.StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(opts.file).href;
  const published = new Map();
  let waiter = null;
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri)
      return;
    published.set(params.version, params.diagnostics.length);
    if (waiter)
      waiter();
  });
  const diagnosticsFor = (version) => new Promise((resolve) => {
    const check = () => {
      if (published.has(version)) {
        waiter = null;
        resolve(published.get(version));
      }
    };
    waiter = check;
    check();
  });
  connection.listen();
  const rootUri = pathToFileURL(opts.root).href;
  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid, rootUri,
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  let text = fs.readFileSync(opts.file, 'utf8');
  let start = process.hrtime.bigint();
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'cpp', version: 1, text },
  });
  const diagnostics = await diagnosticsFor(1);
  const openMs = Number(process.hrtime.bigint() - start) / 1e6;

  const editMs = [];
  for (let version = 2; version < 2 + opts.edits; ++version) {
    text += `// edit ${version}\n`;
    start = process.hrtime.bigint();
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version }, contentChanges: [{ text }],
    });
    await diagnosticsFor(version);
    editMs.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  connection.dispose();
  await new Promise((resolve) => server.on('exit', resolve));
  console.log(JSON.stringify({ openMs, editMs, diagnostics }));
}

main().catch((error) => {
  console.error(`lsp-timing: ${error.message}`);
  process.exit(1);
});
