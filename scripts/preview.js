#!/usr/bin/env node
'use strict';
/**
 * npm run preview [-- --port 8080] [--no-build]
 *
 * Builds (production) and serves dist/ on http://127.0.0.1:<port>/ so the pane can be used in an
 * ordinary browser on .xlsx files (outside Office, Office.onReady resolves with host null). A small
 * static server on Node's http: fixed MIME types, GET/HEAD only, nothing outside the root.
 * `startServer({ root, port })` is exported for the browser end-to-end tests.
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawnSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..');
const DEFAULT_ROOT = path.join(REPO_ROOT, 'dist');
const DEFAULT_PORT = 8080;
const HOST = '127.0.0.1';
const START_PAGE = 'taskpane.html';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** The file under `root` a request path names, or null when it would leave the root. */
function resolveInside(root, requestPath) {
  const file = path.resolve(root, '.' + path.posix.normalize('/' + requestPath));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function handler(root) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let requestPath;
    try {
      requestPath = decodeURIComponent(new URL(req.url, 'http://preview.local').pathname);
    } catch {
      send(res, 400, 'Bad Request');
      return;
    }
    if (requestPath === '/') {
      res.writeHead(302, { Location: START_PAGE });
      res.end();
      return;
    }
    const file = requestPath.includes('\0') ? null : resolveInside(root, requestPath);
    if (!file) {
      send(res, 403, 'Forbidden');
      return;
    }
    fs.realpath(file, (realErr, real) => {
      // A symlink inside dist/ must not lead outside it either.
      if (realErr || !real.startsWith(root + path.sep)) {
        send(res, 404, 'Not Found');
        return;
      }
      fs.stat(real, (statErr, stat) => {
        if (statErr || !stat.isFile()) {
          send(res, 404, 'Not Found');
          return;
        }
        res.writeHead(200, {
          'Content-Type': MIME_TYPES[path.extname(real).toLowerCase()] || 'application/octet-stream',
          'Content-Length': stat.size,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(real).pipe(res);
      });
    });
  };
}

/**
 * Serves `root` (default dist/) on 127.0.0.1:`port` (0 picks a free port).
 * Resolves { url, pageUrl, port, close } once listening; `close()` resolves when the server stopped.
 */
function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT } = {}) {
  const realRoot = fs.realpathSync(path.resolve(root));
  const server = http.createServer(handler(realRoot));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const actualPort = server.address().port;
      const url = `http://${HOST}:${actualPort}/`;
      resolve({
        url,
        pageUrl: url + START_PAGE,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const options = { port: DEFAULT_PORT, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) options.port = Number(arg.slice('--port='.length));
    else throw new Error(`未知参数 / unknown option: ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('端口必须是 0–65535 的整数 / --port must be an integer 0-65535');
  }
  return options;
}

async function main(argv) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (err) {
    console.error(err.message);
    console.error('用法 / usage: npm run preview -- [--port 8080] [--no-build]');
    return 1;
  }
  if (options.build) {
    const webpackCli = require.resolve('webpack-cli/bin/cli.js');
    const build = spawnSync(process.execPath, [webpackCli, '--mode', 'production'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      console.error('✗ 构建失败，未启动预览 / build failed, preview not started');
      return 1;
    }
  }
  if (!fs.existsSync(path.join(DEFAULT_ROOT, START_PAGE))) {
    console.error(
      `✗ ${path.join(DEFAULT_ROOT, START_PAGE)} 不存在，请先运行 npm run build / not found, run npm run build first`,
    );
    return 1;
  }
  let server;
  try {
    server = await startServer({ root: DEFAULT_ROOT, port: options.port });
  } catch (err) {
    const busy = err.code === 'EADDRINUSE';
    console.error(
      busy
        ? `✗ 端口 ${options.port} 已被占用，请用 --port 指定其他端口 / port ${options.port} is in use, choose another with --port`
        : `✗ 无法启动预览 / cannot start the preview: ${err.message}`,
    );
    return 1;
  }
  console.log(`预览已启动，请在浏览器中打开 ${server.pageUrl} （按 Ctrl+C 结束）`);
  console.log(`Preview running: open ${server.pageUrl} in a browser (Ctrl+C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return undefined;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    if (code !== undefined) process.exitCode = code;
  });
}

module.exports = { startServer, MIME_TYPES, DEFAULT_PORT };
