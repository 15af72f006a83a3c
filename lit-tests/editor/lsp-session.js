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
//        --file FILE [--code-prefix prodready-]
//        [--apply-all] [--write-fixed PATH]
//
// --apply-all applies one quick fix of every matching diagnostic (those
// whose edits do not overlap) instead of only the first's; --write-fixed
// saves the fixed text (to compile it).

'use strict';

const fs = require('fs');
const { parseArgs, Session, rpc } = require('./lsp-client');
const { TextDocument } = require('vscode-languageserver-textdocument');

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
  const opts = parseArgs(process.argv.slice(2),
                         { repeated: ['server-arg'], flags: ['apply-all'] });
  if (!opts.server || !opts.root || !opts.file)
    throw new Error('--server, --root and --file are required');
  const codePrefix = opts['code-prefix'] || 'prodready-';
  const session = new Session(opts.server, opts['server-arg'], opts.file);
  const uri = session.uri;

  const init = await session.initialize(opts.root, {
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true,
                            codeDescriptionSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: {
                      valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
      synchronization: { didSave: true },
    },
    workspace: { workspaceEdit: { documentChanges: true } },
  });
  console.log(`server: ${init.serverInfo ? init.serverInfo.name : 'unnamed'}`);

  const text = fs.readFileSync(opts.file, 'utf8');
  const document = TextDocument.create(uri, 'cpp', 1, text);
  await session.open(text);
  const first = printDiagnostics('version 1', await session.diagnosticsFor(1));

  const chosen = [];
  for (const d of first.filter((d) => String(d.code).startsWith(codePrefix))) {
    const actions = await session.connection.sendRequest(rpc.CodeActionRequest.type, {
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
    if (fixes.length && (opts['apply-all'] || chosen.length === 0))
      chosen.push(...editsOf(fixes[0], uri));
  }

  if (chosen.length) {
    const fixed = TextDocument.applyEdits(document, chosen);
    if (opts['write-fixed'])
      fs.writeFileSync(opts['write-fixed'], fixed);
    console.log('fixed text:');
    for (const line of fixed.split('\n'))
      console.log(`| ${line}`);
    await session.change(fixed, 2);
    printDiagnostics('version 2', await session.diagnosticsFor(2));
  }
  await session.shutdown();
}

main().catch((error) => {
  console.error(`lsp-session: ${error.message}`);
  process.exit(1);
});
