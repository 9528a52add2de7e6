// Drives the real yaml-language-server (npm, node_modules) over stdio LSP
// JSON-RPC with docs/eventgraph-input.schema.json named in the file's
// `# yaml-language-server: $schema=...` comment, as docs/format.md shows, and
// checks what an editor would show: a misspelt key is flagged on its line,
// a correct file has no problem, and completion in an event offers the
// event's fields.
//
// Usage: node check_in_editor.mjs SOURCE_DIR
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const source = path.resolve(process.argv[2]);
const server = path.join(source, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const schemaUrl = pathToFileURL(path.join(source, 'docs', 'eventgraph-input.schema.json')).href;
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });

let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const diagnostics = new Map();
const waiting = [];

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
const notify = (method, params) => send({ method, params });

function handle(message) {
  if (message.id !== undefined && message.method) {
    // A request from the server: configuration is the only one we answer with content.
    const result = message.method === 'workspace/configuration'
      ? message.params.items.map(() => ({ validate: true, completion: true, hover: true }))
      : null;
    send({ id: message.id, result });
  } else if (message.id !== undefined) {
    const entry = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) entry.reject(new Error(JSON.stringify(message.error)));
    else entry.resolve(message.result);
  } else if (message.method === 'textDocument/publishDiagnostics') {
    diagnostics.set(message.params.uri, message.params.diagnostics);
    for (const w of waiting.splice(0)) w();
  }
}
child.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    handle(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
    buffer = buffer.subarray(end + 4 + length);
  }
});

// Diagnostics arrive when the server has validated; it may publish an empty
// list first, so wait until the list settles (or the deadline).
async function diagnosticsOf(uri, settleMs = 1500, deadlineMs = 20000) {
  const start = Date.now();
  let last;
  let lastChange = Date.now();
  while (Date.now() - start < deadlineMs) {
    await new Promise((resolve) => { waiting.push(resolve); setTimeout(resolve, 200); });
    const now = JSON.stringify(diagnostics.get(uri));
    if (now !== last) { last = now; lastChange = Date.now(); }
    if (diagnostics.has(uri) && Date.now() - lastChange > settleMs) break;
  }
  return diagnostics.get(uri) ?? [];
}

const header = `# yaml-language-server: $schema=${schemaUrl}\n`;
const files = {
  misspelt: header + [
    'eventgraph: 1',
    'events:',
    '  - id: a',
    '    title: A',
    '    dat: 2022',
    '    date: 2022',
    '',
  ].join('\n'),
  good: header + [
    'eventgraph: 1',
    'actors:',
    '  osei: {name: Ama Osei}',
    'events:',
    '  - id: a',
    '    title: A',
    '    date: "2022-03?"',
    '    actors: [osei]',
    '    causes: [{event: b, claimed_by: [osei]}]',
    '  - {id: b, title: B, date: 2022-04-01/..}',
    '',
  ].join('\n'),
  completion: header + [
    'eventgraph: 1',
    'events:',
    '  - id: a',
    '    title: A',
    '    ',
    '',
  ].join('\n'),
};

const failures = [];
try {
  await request('initialize', {
    processId: process.pid, rootUri: pathToFileURL(source).href,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } },
                    workspace: { configuration: true } },
  });
  notify('initialized', {});
  notify('workspace/didChangeConfiguration',
         { settings: { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } } });
  const uris = {};
  for (const [name, text] of Object.entries(files)) {
    uris[name] = `file:///eventgraph-editor-check/${name}.yaml`;
    notify('textDocument/didOpen', { textDocument: { uri: uris[name], languageId: 'yaml', version: 1, text } });
  }

  const misspelt = await diagnosticsOf(uris.misspelt);
  const flagged = misspelt.filter((d) => d.range.start.line === 5 && /\bdat\b/.test(d.message));
  if (flagged.length === 0) {
    failures.push(`misspelt key 'dat' (line 6) not flagged; diagnostics: ${JSON.stringify(misspelt)}`);
  } else {
    console.log(`misspelt key flagged: line ${flagged[0].range.start.line + 1}: ${flagged[0].message}`);
  }
  const good = await diagnosticsOf(uris.good);
  if (good.length !== 0) failures.push(`a valid file has problems: ${JSON.stringify(good)}`);

  const completion = await request('textDocument/completion',
                                   { textDocument: { uri: uris.completion }, position: { line: 5, character: 4 } });
  const labels = (Array.isArray(completion) ? completion : completion?.items ?? []).map((item) => item.label);
  const expected = ['date', 'kind', 'actors', 'place', 'tags', 'summary', 'sources', 'causes', 'references', 'contradicts'];
  const missing = expected.filter((field) => !labels.includes(field));
  if (missing.length) failures.push(`completion in an event lacks ${missing.join(', ')}; offered: ${labels.join(', ')}`);
  else console.log(`completion in an event offers: ${labels.join(', ')}`);
  for (const taken of ['id', 'title']) {
    if (labels.includes(taken)) failures.push(`completion offers '${taken}', which the event already has`);
  }
  await request('shutdown', null);
  notify('exit', null);
} catch (error) {
  failures.push(String(error));
}
child.kill();
for (const f of failures) console.log(`FAIL: ${f}`);
console.log(failures.length ? `${failures.length} failure(s)` : 'yaml-language-server: all checks passed');
process.exit(failures.length ? 1 : 0);
