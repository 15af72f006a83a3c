// The LSP client the editor tests and bench/clangd.py share: starts a
// language server on stdio and speaks to it with Microsoft's
// vscode-languageserver-protocol (the library VS Code's clients use).
'use strict';

const { spawn } = require('child_process');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-languageserver-protocol/node');

/// Parses `--name value` pairs; \p repeated names collect into arrays,
/// \p flags take no value.
function parseArgs(argv, { repeated = [], flags = [] } = {}) {
  const opts = {};
  for (const name of repeated)
    opts[name] = [];
  for (let i = 0; i < argv.length; ++i) {
    if (!argv[i].startsWith('--'))
      throw new Error(`unexpected argument ${argv[i]}`);
    const name = argv[i].slice(2);
    if (flags.includes(name))
      opts[name] = true;
    else if (i + 1 >= argv.length)
      throw new Error(`${argv[i]} needs a value`);
    else if (repeated.includes(name))
      opts[name].push(argv[++i]);
    else
      opts[name] = argv[++i];
  }
  return opts;
}

/// A started server: the connection, the diagnostics published for one
/// document by version, and the initialize/shutdown handshakes.
class Session {
  constructor(server, serverArgs, file) {
    this.process = spawn(server, serverArgs, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = rpc.createProtocolConnection(
        new rpc.StreamMessageReader(this.process.stdout),
        new rpc.StreamMessageWriter(this.process.stdin));
    this.uri = pathToFileURL(path.resolve(file)).href;
    this.published = new Map();
    this.waiters = [];
    this.connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
      if (params.uri !== this.uri)
        return;
      this.published.set(params.version, params.diagnostics);
      for (const wake of this.waiters.splice(0))
        wake();
    });
    this.connection.listen();
  }

  async initialize(root, capabilities) {
    const rootUri = pathToFileURL(path.resolve(root)).href;
    const result = await this.connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      capabilities,
    });
    await this.connection.sendNotification(rpc.InitializedNotification.type, {});
    return result;
  }

  /// The diagnostics published for \p version of the document.
  diagnosticsFor(version, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(
          `no diagnostics for version ${version} within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (this.published.has(version)) {
          clearTimeout(timer);
          resolve(this.published.get(version));
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  open(text, version = 1) {
    return this.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri, languageId: 'cpp', version, text },
    });
  }

  change(text, version) {
    return this.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version }, contentChanges: [{ text }],
    });
  }

  async shutdown() {
    await this.connection.sendRequest(rpc.ShutdownRequest.type);
    await this.connection.sendNotification(rpc.ExitNotification.type);
    this.connection.dispose();
    await new Promise((resolve) => this.process.on('exit', resolve));
  }
}

module.exports = { parseArgs, Session, rpc };
