/**
 * The build wiring that matters for Office (office-js-notes §8): office.js copied unchanged next to
 * the pages or taken from the CDN, loaded in <head> before our module bundles, and the IE11 message.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import * as acorn from 'acorn';

/* eslint-disable @typescript-eslint/no-require-imports */
const webpackConfig = require('../../webpack.config.js');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
/* eslint-enable @typescript-eslint/no-require-imports */

const REPO = path.resolve(__dirname, '..', '..');

async function configFor(env: Record<string, string>, mode = 'production') {
  const config = await webpackConfig(env, { mode });
  const copy = config.plugins.find((p: object) => p instanceof CopyWebpackPlugin);
  const pages = config.plugins.filter((p: object) => p instanceof HtmlWebpackPlugin);
  return { config, patterns: copy.patterns, pages };
}

describe('office.js', () => {
  test('is copied from @microsoft/office-js/dist to office-js/ byte for byte, without *.debug.js', async () => {
    const { patterns, pages } = await configFor({});
    const officeJs = patterns.find((p: { to: string }) => p.to === 'office-js');
    expect(officeJs.from).toBe(path.join(REPO, 'node_modules', '@microsoft', 'office-js', 'dist'));
    expect(fs.existsSync(path.join(officeJs.from, 'office.js'))).toBe(true);
    // `minimized: true` keeps Terser off the file: office.js must stay exactly as shipped.
    expect(officeJs.info).toEqual({ minimized: true });
    expect(officeJs.transform).toBeUndefined();
    expect(officeJs.globOptions.ignore).toEqual(['**/*.debug.js']);
    for (const page of pages) expect(page.userOptions.officeJsUrl).toBe('office-js/office.js');
  });

  test('OFFICE_JS=cdn loads it from Microsoft and copies nothing', async () => {
    const { patterns, pages } = await configFor({ OFFICE_JS: 'cdn' });
    expect(patterns.some((p: { to: string }) => p.to === 'office-js')).toBe(false);
    for (const page of pages) {
      expect(page.userOptions.officeJsUrl).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    }
  });
});

describe('pages', () => {
  test('taskpane.html and commands.html each get only their own bundle, as module scripts in <head>', async () => {
    const { pages } = await configFor({});
    const byFile = Object.fromEntries(
      pages.map((p: { userOptions: { filename: string } }) => [p.userOptions.filename, p.userOptions]),
    );
    expect(byFile['taskpane.html']).toMatchObject({ chunks: ['taskpane'], inject: 'head', scriptLoading: 'module' });
    expect(byFile['commands.html']).toMatchObject({ chunks: ['commands'], inject: 'head', scriptLoading: 'module' });
  });

  test.each(['src/taskpane/taskpane.html', 'src/commands/commands.html'])('%s loads office.js in <head>', (file) => {
    const html = fs.readFileSync(path.join(REPO, file), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<script src="<%= htmlWebpackPlugin.options.officeJsUrl %>"></script>');
  });

  test('production has no source maps, development does; chunks load relative to the page', async () => {
    expect((await configFor({})).config.devtool).toBe(false);
    expect((await configFor({}, 'development')).config.devtool).toBeTruthy();
    expect((await configFor({})).config.output.publicPath).toBe('');
  });
});

describe('the IE11 message in taskpane.html', () => {
  const html = fs.readFileSync(path.join(REPO, 'src/taskpane/taskpane.html'), 'utf8');
  const inline = /<script>([\s\S]*?)<\/script>/.exec(html)![1];

  test('the inline detection script is ES5', () => {
    expect(() => acorn.parse(inline, { ecmaVersion: 5 })).not.toThrow();
  });

  function classAfterRunning(userAgent: string): string {
    const documentElement = { className: '' };
    vm.runInNewContext(inline, { window: { navigator: { userAgent } }, document: { documentElement } });
    return documentElement.className;
  }

  test('marks the page in IE11 (Trident) only', () => {
    const ie11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
    const webView2 =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0';
    expect(classAfterRunning(ie11)).toBe(' unsupported-office');
    expect(classAfterRunning(webView2)).toBe('');
  });

  test('the marked page shows the upgrade message and hides the app', () => {
    expect(html).toContain(
      '当前 Office 版本无法运行本加载项。请升级到 Office 2021 或更高版本，或在浏览器中用本工具处理 .xlsx 文件。',
    );
    expect(html).toMatch(/#unsupported-office \{ display: none;/);
    expect(html).toMatch(/\.unsupported-office #unsupported-office \{ display: block; \}/);
    expect(html).toMatch(/\.unsupported-office #root \{ display: none; \}/);
    expect(html).toContain('<div id="root"></div>');
  });
});
