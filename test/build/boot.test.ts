/**
 * src/taskpane/boot.js, the ES5 script that runs first in taskpane.html: parsed as ES5 by a real
 * JavaScript parser (acorn), then run in a sandbox for each kind of host: office.js is written into
 * the page only when Office hosts it, and old webviews, old browsers and old Excel APIs get the
 * Chinese message with the browser page's address. The same page in real Chromium: test/e2e/oldHosts.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import * as acorn from 'acorn';

const BOOT = fs.readFileSync(path.resolve(__dirname, '..', '..', 'src', 'taskpane', 'boot.js'), 'utf8');

const UA = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  webView2:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
  edgeHtml:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
};

/** Just enough DOM for boot.js: element tree, text nodes, attributes, document.write recorded. */
class FakeNode {
  children: FakeNode[] = [];
  attributes: Record<string, string> = {};
  className = '';
  constructor(
    readonly tag: string,
    readonly text = '',
  ) {}
  get firstChild(): FakeNode | null {
    return this.children[0] ?? null;
  }
  appendChild(node: FakeNode): void {
    this.children.push(node);
  }
  removeChild(node: FakeNode): void {
    this.children = this.children.filter((c) => c !== node);
  }
  setAttribute(name: string, value: string): void {
    this.attributes[name] = value;
  }
  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
}

interface Run {
  boot: { hosted: boolean; blocked: string | null; address: string; checkApi(): void };
  written: string[];
  html: FakeNode;
  message: FakeNode;
  sandbox: Record<string, unknown>;
}

interface HostSetup {
  userAgent?: string;
  search?: string;
  windowName?: string;
  session?: Record<string, string>;
  external?: object;
  /** Replaces the sandbox's Function constructor (an engine that cannot compile modern syntax). */
  noModernSyntax?: boolean;
}

function runBoot(setup: HostSetup = {}): Run {
  const html = new FakeNode('html');
  const message = new FakeNode('div');
  const script = new FakeNode('script');
  script.setAttribute('data-office-js', 'office-js/office.js');
  const written: string[] = [];
  const document = {
    readyState: 'complete',
    documentElement: html,
    getElementById: (id: string) => (id === 'unsupported-office' ? message : id === 'jixiao-boot' ? script : null),
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => new FakeNode('#text', text),
    write: (markup: string) => written.push(markup),
    addEventListener: () => undefined,
  };
  const window: Record<string, unknown> = {
    location: {
      protocol: 'https:',
      host: 'intranet.example.gov.cn',
      pathname: '/jixiao/taskpane.html',
      search: setup.search ?? '',
    },
    navigator: { userAgent: setup.userAgent ?? UA.chrome },
    name: setup.windowName ?? '',
    sessionStorage: { getItem: (key: string) => setup.session?.[key] ?? null },
    external: setup.external ?? {},
  };
  const sandbox: Record<string, unknown> = { window, document };
  if (setup.noModernSyntax) {
    sandbox.Function = function () {
      throw new SyntaxError('Unexpected token');
    };
  }
  vm.runInNewContext(BOOT, sandbox);
  return { boot: window.jixiaoBoot as Run['boot'], written, html, message, sandbox };
}

test('is ES5: acorn parses it at ecmaVersion 5 as a classic script', () => {
  expect(() => acorn.parse(BOOT, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

test('a plain browser: no office.js, no message', () => {
  const { boot, written, html } = runBoot();
  expect(boot).toMatchObject({
    hosted: false,
    blocked: null,
    address: 'https://intranet.example.gov.cn/jixiao/taskpane.html',
  });
  expect(written).toEqual([]);
  expect(html.className).toBe('');
});

test.each([
  [
    '_host_Info in the query (Office on Windows with WebView2, the web)',
    { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' },
  ],
  ['window.name carrying hostInfo', { windowName: JSON.stringify({ hostInfo: 'Excel|Web|16.00|zh-CN' }) }],
  ['sessionStorage hostInfoValue (the pane reloaded)', { session: { hostInfoValue: 'Excel$Mac$16.01$zh-CN' } }],
  ['window.external.GetHostInfo (IE-based Office)', { external: { GetHostInfo: () => 'Excel|Win32|16.01|zh-CN' } }],
])('hosted by Office through %s: office.js is written before the bundles, then the API check', (_label, setup) => {
  const { boot, written } = runBoot({ ...setup, userAgent: UA.webView2 });
  expect(boot).toMatchObject({ hosted: true, blocked: null });
  expect(written).toEqual([
    '<script src="office-js/office.js"></script>',
    '<script>window.jixiaoBoot.checkApi();</script>',
  ]);
});

function withOffice(run: Run, apiSupported: boolean): void {
  run.sandbox.Office = {
    onReady: (callback: () => void) => callback(),
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) => set === 'ExcelApi' && apiSupported && version === '1.4',
      },
    },
  };
  run.boot.checkApi();
}

test('an Excel below ExcelApi 1.4 gets the message once Office is ready; 1.4 and up get the pane', () => {
  const old = runBoot({ search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' });
  withOffice(old, false);
  expect(old.boot.blocked).toBe('api');
  expect(old.html.className).toBe(' unsupported-office');
  expect(old.message.textContent).toContain('当前 Excel 版本过旧，无法运行本加载项（需要 ExcelApi 1.4）。');
  expect(old.message.textContent).toContain(
    '请在新版 Chrome、Edge 等浏览器中打开 https://intranet.example.gov.cn/jixiao/taskpane.html',
  );

  const current = runBoot({ search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' });
  withOffice(current, true);
  expect(current.boot.blocked).toBeNull();
  expect(current.html.className).toBe('');
});

test.each([
  [
    'IE11 in Office',
    UA.ie11,
    { external: { GetHostInfo: () => 'Excel|Win32|16.01|zh-CN' } },
    'webview',
    '当前 Office 版本无法运行本加载项',
  ],
  [
    'EdgeHTML in Office',
    UA.edgeHtml,
    { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' },
    'webview',
    '当前 Office 版本无法运行本加载项',
  ],
  ['IE11 as a browser', UA.ie11, {}, 'browser', '当前浏览器版本过旧，无法运行本页面。'],
  ['EdgeHTML as a browser', UA.edgeHtml, {}, 'browser', '当前浏览器版本过旧，无法运行本页面。'],
])(
  '%s: the message with the page address, and office.js is not even loaded',
  (_label, userAgent, setup, reason, first) => {
    const { boot, written, html, message } = runBoot({ ...setup, userAgent });
    expect(boot.blocked).toBe(reason);
    expect(written).toEqual([]);
    expect(html.className).toBe(' unsupported-office');
    expect(message.textContent).toContain(first);
    expect(message.textContent).toContain('https://intranet.example.gov.cn/jixiao/taskpane.html');
    expect(message.textContent).toContain('或升级到 Office 2021 或更高版本');
  },
);

test('an engine that cannot compile the syntax of our bundles gets the message whatever its user agent says', () => {
  const { boot, written } = runBoot({ noModernSyntax: true, search: '?_host_Info=Excel$Mac$16.01$zh-CN$$$$0' });
  expect(boot.blocked).toBe('webview');
  expect(written).toEqual([]);
});

test('Chromium-based Edge (Edg/) is not mistaken for EdgeHTML', () => {
  expect(runBoot({ userAgent: UA.webView2 }).boot.blocked).toBeNull();
});
