/**
 * The build wiring that matters for Office (office-js-notes §8): office.js copied unchanged next to
 * the pages or taken from the CDN, loaded before our module bundles (by boot.js on the pane), and the
 * message for hosts that cannot run the pane.
 */
import * as fs from 'fs';
import * as path from 'path';

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
    // node_modules may be a link (worktrees): compare real paths.
    expect(fs.realpathSync(officeJs.from)).toBe(
      fs.realpathSync(path.join(REPO, 'node_modules', '@microsoft', 'office-js', 'dist')),
    );
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

  test('commands.html (loaded only by Office) loads office.js in <head>; taskpane.html only through boot.js', () => {
    const commands = fs.readFileSync(path.join(REPO, 'src/commands/commands.html'), 'utf8');
    expect(commands.slice(0, commands.indexOf('</head>'))).toContain(
      '<script src="<%= htmlWebpackPlugin.options.officeJsUrl %>"></script>',
    );
    const pane = fs.readFileSync(path.join(REPO, 'src/taskpane/taskpane.html'), 'utf8');
    expect(pane).not.toContain('<script src=');
    expect(pane).toContain(
      '<script id="jixiao-boot" data-office-js="<%= htmlWebpackPlugin.options.officeJsUrl %>"><%= htmlWebpackPlugin.options.bootScript %></script>',
    );
  });

  test('the boot script is inlined from src/taskpane/boot.js', async () => {
    const { pages } = await configFor({});
    const pane = pages.find((p: { userOptions: { filename: string } }) => p.userOptions.filename === 'taskpane.html');
    expect(pane.userOptions.bootScript).toBe(fs.readFileSync(path.join(REPO, 'src/taskpane/boot.js'), 'utf8'));
  });

  test('production has no source maps, development does; chunks load relative to the page', async () => {
    expect((await configFor({})).config.devtool).toBe(false);
    expect((await configFor({}, 'development')).config.devtool).toBeTruthy();
    expect((await configFor({})).config.output.publicPath).toBe('');
  });
});

describe('the message of taskpane.html for hosts that cannot run the pane (filled by boot.js)', () => {
  const html = fs.readFileSync(path.join(REPO, 'src/taskpane/taskpane.html'), 'utf8');

  test('is hidden until boot.js marks the page, which then hides the app', () => {
    expect(html).toContain('<div id="unsupported-office" role="alert"></div>');
    expect(html).toMatch(/#unsupported-office \{ display: none;/);
    expect(html).toMatch(/\.unsupported-office #unsupported-office \{ display: block; \}/);
    expect(html).toMatch(/\.unsupported-office #root \{ display: none; \}/);
    expect(html).toContain('<div id="root"></div>');
  });
});
