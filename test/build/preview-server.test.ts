/**
 * The static server behind `npm run preview` (and the browser e2e tests): MIME types, the start
 * page redirect, and nothing served from outside its root.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require('../../scripts/preview.js');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path goes out exactly as written (no client-side `..` normalisation). */
function request(port: number, rawPath: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

let base: string;
let root: string;
let server: { url: string; pageUrl: string; port: number; close(): Promise<void> };

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-preview-'));
  root = path.join(base, 'dist');
  fs.mkdirSync(path.join(root, 'office-js', 'zh-cn'), { recursive: true });
  const files: Record<string, string> = {
    'taskpane.html': '<!doctype html><p>pane</p>',
    'taskpane.abc123.js': 'console.log(1)',
    'office-js/zh-cn/office_strings.js': 'var s;',
    'style.css': 'p{}',
    'data.json': '{}',
    'engine.wasm': '\0asm',
    'icon.png': 'png',
    'sample.xlsx': 'PK',
    'manifest.xml': '<OfficeApp/>',
    'unknown.bin': 'x',
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, name), content);
  fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link-out.txt'));
  server = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(base, { recursive: true, force: true });
});

test('listens on 127.0.0.1 and names the start page', () => {
  expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  expect(server.pageUrl).toBe(`http://127.0.0.1:${server.port}/taskpane.html`);
});

test.each([
  ['/taskpane.html', 'text/html; charset=utf-8'],
  ['/taskpane.abc123.js', 'text/javascript; charset=utf-8'],
  ['/office-js/zh-cn/office_strings.js', 'text/javascript; charset=utf-8'],
  ['/style.css', 'text/css; charset=utf-8'],
  ['/data.json', 'application/json; charset=utf-8'],
  ['/engine.wasm', 'application/wasm'],
  ['/icon.png', 'image/png'],
  ['/sample.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['/manifest.xml', 'application/xml; charset=utf-8'],
  ['/unknown.bin', 'application/octet-stream'],
])('%s is served as %s', async (file, type) => {
  const reply = await request(server.port, file);
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe(type);
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.body).toBe(fs.readFileSync(path.join(root, file)).toString('utf8'));
});

test('/ redirects to the pane', async () => {
  const reply = await request(server.port, '/');
  expect(reply.status).toBe(302);
  expect(reply.headers.location).toBe('taskpane.html');
});

test('query strings are ignored and encoded names decoded', async () => {
  expect((await request(server.port, '/taskpane.html?_host_Info=Excel')).status).toBe(200);
  expect((await request(server.port, '/task%70ane.html')).status).toBe(200);
});

test.each([
  '/../secret.txt',
  '/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/..%2Fsecret.txt',
  '/office-js/..%2F..%2Fsecret.txt',
  '/%2E%2E%5Csecret.txt',
  '/link-out.txt',
])('%s never reaches a file outside the root', async (rawPath) => {
  const reply = await request(server.port, rawPath);
  expect([403, 404]).toContain(reply.status);
  expect(reply.body).not.toContain('SECRET');
});

test('missing files, directories and bad encodings are refused', async () => {
  expect((await request(server.port, '/nope.js')).status).toBe(404);
  expect((await request(server.port, '/office-js')).status).toBe(404);
  expect((await request(server.port, '/%E0%A4%A')).status).toBe(400);
  expect((await request(server.port, '/a%00b')).status).toBe(403);
});

test('only GET and HEAD', async () => {
  const head = await request(server.port, '/taskpane.html', 'HEAD');
  expect(head.status).toBe(200);
  expect(head.headers['content-length']).toBe(String(fs.statSync(path.join(root, 'taskpane.html')).size));
  expect(head.body).toBe('');
  const post = await request(server.port, '/taskpane.html', 'POST');
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
});

test('a second server on a busy port fails with EADDRINUSE', async () => {
  await expect(startServer({ root, port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
});
