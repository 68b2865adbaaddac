/**
 * The browser page in real Chromium, shared by the e2e tests and `npm run bench`: a production build
 * in dist/ (rebuilt only when the sources are newer), the preview server on a free port, and the
 * Debian Chromium driven by playwright-core (never a downloaded browser).
 * Everything takes the repository root: compiled into dist-cli/ for the bench, relative paths differ.
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** No sandbox (containers), and none of Chromium's own traffic: only the page's requests remain. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The task pane's width in Excel on Windows (default, not resized). */
export const PANE_WIDTH = 350;
export const DESKTOP_WIDTH = 1280;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** What the production build reads; dist/ is stale when any of it is newer than the newest file in dist/. */
const BUILD_INPUTS = [
  'src',
  'assets',
  'webpack.config.js',
  'tsconfig.json',
  'tsconfig.web.json',
  'manifest.xml',
  'scripts/manifest-for.js',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function distIsFresh(root: string): boolean {
  if (!existsSync(join(root, 'dist', 'taskpane.html'))) return false;
  const built = newestMtime(join(root, 'dist'));
  return BUILD_INPUTS.every((input) => newestMtime(join(root, input)) <= built);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A build takes ~35 s on two cores; a lock older than this belongs to a process that died. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Holds a lock (an atomic mkdir) so that parallel jest workers or a bench running beside the tests
 * build dist/ once: webpack cleans dist/ first, a second build would pull files from under the first.
 */
async function withBuildLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), `jixiao-build-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released between mkdir and stat
      }
      if (age > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function runWebpack(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
    const child = spawn(process.execPath, [cli, '--mode', 'production'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`webpack --mode production exited ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/** Builds dist/ (production) unless it is newer than every source; says whether it built. */
export async function ensureProductionBuild(root: string): Promise<{ built: boolean; seconds: number }> {
  if (distIsFresh(root)) return { built: false, seconds: 0 };
  return withBuildLock(root, async () => {
    // Another process may have built while this one waited for the lock.
    if (distIsFresh(root)) return { built: false, seconds: 0 };
    const start = Date.now();
    await runWebpack(root);
    // Webpack leaves files whose content did not change untouched: mark the build as newer than its sources.
    const now = new Date();
    utimesSync(join(root, 'dist', 'taskpane.html'), now, now);
    return { built: true, seconds: (Date.now() - start) / 1000 };
  });
}

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The task pane page. */
  pageUrl: string;
  port: number;
  close(): Promise<void>;
}

/** dist/ served by scripts/preview.js on a free port of 127.0.0.1. */
export function servePane(root: string): Promise<PreviewServer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require(join(root, 'scripts', 'preview.js')) as {
    startServer(options: { root: string; port: number }): Promise<PreviewServer>;
  };
  return startServer({ root: join(root, 'dist'), port: 0 });
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Made after `markLoaded()`, i.e. once the page had loaded and rendered. */
  afterLoad: boolean;
}

export interface RequestLog {
  requests: RecordedRequest[];
  /** From now on requests count as made after the page loaded. */
  markLoaded(): void;
}

/**
 * Records every request the page makes (documents, scripts, images, fetches, workers); given the
 * browser context, also those of other pages, popups and service workers it opens.
 */
export function recordRequests(page: Page | BrowserContext): RequestLog {
  const log: RequestLog = {
    requests: [],
    markLoaded: () => {
      loaded = true;
    },
  };
  let loaded = false;
  (page as Page).on('request', (request: Request) => {
    log.requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      afterLoad: loaded,
    });
  });
  return log;
}

/**
 * Waits until the page's network has been idle (no request for 500 ms, Playwright's 'networkidle')
 * and then one more second, so that a late request (a beacon, a telemetry iframe) is recorded
 * before the caller checks the log.
 */
export async function settleNetwork(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
}
