/**
 * The production page in real Chromium pretending to be the webviews our bundles cannot run in:
 * Internet Explorer 11 (Office 2016/2019 volume-licensed) and EdgeHTML (Office 2016/2019 retail
 * without WebView2). The user agent alone makes boot.js (ES5) show the Chinese message with the
 * browser page's address instead of a blank pane, load no office.js and keep the app hidden.
 * Also: every bundle of the build parses as ES2022, the newest syntax boot.js probes for.
 */
import { mkdirSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import * as acorn from 'acorn';
import type { Browser } from 'playwright-core';
import {
  ensureProductionBuild,
  launchChromium,
  PANE_WIDTH,
  recordRequests,
  servePane,
  settleNetwork,
  type PreviewServer,
} from '../support/browser';

jest.setTimeout(30_000);

const ROOT = resolve(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test-output', 'e2e');

const USER_AGENTS = {
  IE11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
  EdgeHTML:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
};

let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureProductionBuild(ROOT);
  server = await servePane(ROOT);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test.each(Object.entries(USER_AGENTS))(
  '%s: the Chinese message with the page address, no app, no office.js',
  async (label, userAgent) => {
    const context = await browser.newContext({
      userAgent,
      viewport: { width: PANE_WIDTH, height: 600 },
      locale: 'zh-CN',
    });
    try {
      const log = recordRequests(context);
      const page = await context.newPage();
      await page.goto(server.pageUrl, { waitUntil: 'load' });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await settleNetwork(page);
      const text = await alert.innerText();
      expect(text).toContain('当前浏览器版本过旧，无法运行本页面。');
      expect(text).toContain(`请在新版 Chrome、Edge 等浏览器中打开 ${server.pageUrl}`);
      expect(text).toContain('或升级到 Office 2021 或更高版本');
      await expect(page.locator('#root').isVisible()).resolves.toBe(false);
      await expect(page.locator('#root').innerHTML()).resolves.toBe('');
      await expect(
        page.evaluate(() => (window as { jixiaoBoot?: { blocked: string } }).jixiaoBoot?.blocked),
      ).resolves.toBe('browser');
      const origin = new URL(server.url).origin;
      expect(log.requests.filter((r) => !r.url.startsWith(`${origin}/`)).map((r) => r.url)).toEqual([]);
      expect(log.requests.filter((r) => /\/office(\.debug)?\.js$/.test(r.url)).map((r) => r.url)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `old-host-${label}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  },
);

test('the boot script as minified into the built taskpane.html parses as ES5 (what IE11 and EdgeHTML run first)', () => {
  const html = readFileSync(join(ROOT, 'dist', 'taskpane.html'), 'utf8');
  const inline = /<script id="?jixiao-boot"?[^>]*>([\s\S]*?)<\/script>/.exec(html);
  expect(inline?.[1].length).toBeGreaterThan(500);
  expect(() => acorn.parse(inline![1], { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  // Every other script of the page is a deferred module: the classic inline boot script runs before any of them.
  const others = [...html.replace(inline![0], '').matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
  expect(others.length).toBeGreaterThan(0);
  for (const attributes of others) expect(attributes).toMatch(/type="?module"?/);
});

test('every script of the build parses as ES2022, the newest syntax boot.js checks the engine for', () => {
  const dist = join(ROOT, 'dist');
  const scripts = readdirSync(dist).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(3);
  const failures = scripts.flatMap((file) => {
    try {
      acorn.parse(readFileSync(join(dist, file), 'utf8'), { ecmaVersion: 2022, sourceType: 'module' });
      return [];
    } catch (error) {
      return [`${file}: ${(error as Error).message}`];
    }
  });
  expect(failures).toEqual([]);
});
