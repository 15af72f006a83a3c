#!/usr/bin/env node
// Talks to a language server over stdio as an editor does, with Microsoft's
// LSP client libraries (vscode-jsonrpc / vscode-languageserver-protocol, the
// ones VS Code uses), and prints what an editor would show, one line per
// fact, for FileCheck:
//
//   1. initialize, initialized, didOpen FILE (version 1);
//   2. the diagnostics published for version 1;
//   3. for each diagnostic whose code starts with --code-prefix: the quick
//      fixes textDocument/codeAction offers at its range, with their edits;
//   4. the text after applying the first diagnostic's first quick fix
//      (TextDocument.applyEdits, as an editor applies a WorkspaceEdit);
//   5. didChange to that text (version 2), and the diagnostics published
//      for version 2; then shutdown and exit.
//
//   node lsp-session.js --server BIN [--server-arg ARG]... --root DIR
//        --file FILE [--code-prefix prodready-] [--timeout-ms 60000]
//        [--apply-all] [--write-fixed PATH]
//
// --apply-all applies one quick fix of every matching diagnostic (those
// whose edits do not overlap) instead of only the first's; --write-fixed
// saves the fixed text (to compile it).

'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

function parseArgs(argv) {
  const opts = { serverArgs: [], codePrefix: 'prodready-', timeoutMs: 60000,
                 applyAll: false };
  for (let i = 0; i < argv.length; ++i) {
    const next = () => argv[++i];
    switch (argv[i]) {
      case '--server': opts.server = next(); break;
      case '--server-arg': opts.serverArgs.push(next()); break;
      case '--root': opts.root = path.resolve(next()); break;
      case '--file': opts.file = path.resolve(next()); break;
      case '--code-prefix': opts.codePrefix = next(); break;
      case '--timeout-ms': opts.timeoutMs = Number(next()); break;
      case '--apply-all': opts.applyAll = true; break;
      case '--write-fixed': opts.writeFixed = next(); break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!opts.server || !opts.root || !opts.file)
    throw new Error('--server, --root and --file are required');
  return opts;
}

/// 1-based line:column, as compilers print them.
const pos = (p) => `${p.line + 1}:${p.character + 1}`;
const range = (r) => `${pos(r.start)}-${pos(r.end)}`;
const severityName = (s) => ['', 'error', 'warning', 'information', 'hint'][s] || 'none';

function printDiagnostics(label, diagnostics) {
  const sorted = [...diagnostics].sort((a, b) =>
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    String(a.code).localeCompare(String(b.code)));
  console.log(`${label}: ${sorted.length} diagnostics`);
  for (const d of sorted)
    console.log(`  ${range(d.range)} ${severityName(d.severity)} [${d.code}] ` +
                `(${d.source}) ${d.message}`);
  return sorted;
}

function editsOf(action, uri) {
  const edit = action.edit || {};
  if (edit.changes && edit.changes[uri])
    return edit.changes[uri];
  for (const change of edit.documentChanges || [])
    if (change.textDocument && change.textDocument.uri === uri)
      return change.edits;
  return [];
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const server = spawn(opts.server, opts.serverArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createProtocolConnection(
      new rpc.StreamMessageReader(server.stdout),
      new rpc.StreamMessageWriter(server.stdin));

  // Diagnostics arrive as notifications; waiters ask for a version.
  const published = new Map();
  const waiters = [];
  const uri = pathToFileURL(opts.file).href;
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri)
      return;
    published.set(params.version, params.diagnostics);
    for (const w of waiters.splice(0))
      w();
  });
  const diagnosticsFor = (version) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(
        `no diagnostics for version ${version} within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    const check = () => {
      if (published.has(version)) {
        clearTimeout(timer);
        resolve(published.get(version));
      } else {
        waiters.push(check);
      }
    };
    check();
  });
  connection.listen();

  const rootUri = pathToFileURL(opts.root).href;
  const init = await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(opts.root) }],
    capabilities: {
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true,
                              codeDescriptionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: {
                        valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
        synchronization: { didSave: true },
      },
      workspace: { workspaceEdit: { documentChanges: true } },
    },
  });
  console.log(`server: ${init.serverInfo ? init.serverInfo.name : 'unnamed'}`);
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  const text = fs.readFileSync(opts.file, 'utf8');
  let document = TextDocument.create(uri, 'cpp', 1, text);
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'cpp', version: 1, text },
  });
  const first = printDiagnostics('version 1', await diagnosticsFor(1));

  const chosen = [];
  for (const d of first.filter((d) => String(d.code).startsWith(opts.codePrefix))) {
    const actions = await connection.sendRequest(rpc.CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fixes = (actions || []).filter((a) => a.kind === 'quickfix' && a.edit);
    console.log(`code actions at ${pos(d.range.start)} [${d.code}]: ${fixes.length} quick fixes`);
    for (const fix of fixes) {
      console.log(`  "${fix.title}"${fix.isPreferred ? ' (preferred)' : ''}`);
      for (const e of editsOf(fix, uri))
        console.log(`    ${range(e.range)} -> ${JSON.stringify(e.newText)}`);
    }
    if (fixes.length && (opts.applyAll || chosen.length === 0))
      chosen.push(...editsOf(fixes[0], uri));
  }

  if (chosen.length) {
    const fixed = TextDocument.applyEdits(document, chosen);
    if (opts.writeFixed)
      fs.writeFileSync(opts.writeFixed, fixed);
    console.log('fixed text:');
    for (const line of fixed.split('\n'))
      console.log(`| ${line}`);
    document = TextDocument.update(document, [{ text: fixed }], 2);
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    printDiagnostics('version 2', await diagnosticsFor(2));
  }

  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  connection.dispose();
  await new Promise((resolve) => server.on('exit', resolve));
}

main().catch((error) => {
  console.error(`lsp-session: ${error.message}`);
  process.exit(1);
});
