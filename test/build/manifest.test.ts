/**
 * `npm run validate` on the real manifest (passes) and on broken copies (each fails with its own
 * Chinese + English message). The CLI is run as a child process, exactly as a developer or CI runs it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'scripts', 'validate-manifest.js');
const MANIFEST = fs.readFileSync(path.join(REPO, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest } = require('../../scripts/manifest-checks.js');

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-manifest-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function validate(manifestPath: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, manifestPath], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** Writes a copy of the manifest with one edit; the edit must really apply. */
function brokenCopy(name: string, from: string | RegExp, to: string): string {
  const xml = MANIFEST.replace(from, to);
  expect(xml).not.toBe(MANIFEST);
  const file = path.join(tmp, `${name}.xml`);
  fs.writeFileSync(file, xml);
  return file;
}

test('the real manifest passes the XSD and our own checks', () => {
  const { code, out } = validate(path.join(REPO, 'manifest.xml'));
  expect(out).toContain('✓ 清单校验通过（XSD 与自有检查）');
  expect(out).toContain('manifest is valid (XSD and own checks)');
  expect(code).toBe(0);
});

test('a button without its Label fails the XSD check', () => {
  const { code, out } = validate(brokenCopy('no-label', '<Label resid="RunButton.Label"/>', ''));
  expect(code).toBe(1);
  expect(out).toContain('不符合 XSD 架构');
  expect(out).toMatch(/line \d+: XSD: .*Supertip.*This element is not expected\. Expected is \( \{[^}]+\}Label \)/);
});

test('an http URL is refused', () => {
  const file = brokenCopy('http-url', 'https://localhost:3000/commands.html', 'http://localhost:3000/commands.html');
  const { code, out } = validate(file);
  expect(code).toBe(1);
  expect(out).toContain('<Url> 的地址必须以 https:// 开头：“http://localhost:3000/commands.html”');
  expect(out).toContain('<Url> must be an https:// URL: "http://localhost:3000/commands.html"');
});

test('an undefined resid is caught although the XSD accepts it', () => {
  const { code, out } = validate(
    brokenCopy('bad-resid', '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'),
  );
  expect(code).toBe(1);
  expect(out).toContain('（1 个问题）');
  expect(out).toContain('<Label> 引用的 resid “Group.Missing” 未在 <Resources> 中定义');
  expect(out).toContain('<Label> references resid "Group.Missing", which is not defined in <Resources>');
});

test('a resid from the wrong resource collection is caught', () => {
  const { code, out } = validate(
    brokenCopy('wrong-kind', '<FunctionFile resid="Commands.Url"/>', '<FunctionFile resid="Icon.16"/>'),
  );
  expect(code).toBe(1);
  expect(out).toContain('<FunctionFile> 的 resid “Icon.16” 应定义在 bt:Urls 中，实际在 bt:Images 中');
});

test('strings over 125 (short) and 250 (long) characters fail, overrides included', () => {
  // 126 Chinese characters: one over the ShortString limit, counted as characters, not bytes.
  const longLabel = '计'.repeat(126);
  // An en-US override of 251 characters: one over the LongString limit.
  const longTooltip = 'x'.repeat(251);
  let xml = MANIFEST.replace('DefaultValue="计算指标"', `DefaultValue="${longLabel}"`);
  xml = xml.replace(/Value="Reads the figures from defined names[^"]*"/, `Value="${longTooltip}"`);
  expect(xml).toContain(longLabel);
  expect(xml).toContain(longTooltip);
  const file = path.join(tmp, 'too-long.xml');
  fs.writeFileSync(file, xml);
  const { code, out } = validate(file);
  expect(code).toBe(1);
  expect(out).toContain('<String> 的文字有 126 个字符，超过上限 125');
  expect(out).toContain('<Override> 的文字有 251 个字符，超过上限 250');
  expect(out).toContain('<Override> text has 251 characters, more than the limit of 250');
  // libxml2 agrees on both (maxLength facets of bt:ShortString / bt:LongString).
  expect(out).toMatch(/XSD: .*\[facet 'maxLength'\].*126/);
  expect(out).toMatch(/XSD: .*\[facet 'maxLength'\].*251/);
});

test('a missing icon file is reported', () => {
  const { code, out } = validate(brokenCopy('no-icon', 'assets/icon-80.png', 'assets/icon-81.png'));
  expect(code).toBe(1);
  expect(out).toMatch(/图标文件不存在：.*icon-81\.png（https:\/\/localhost:3000\/assets\/icon-81\.png）/);
  expect(out).toMatch(/icon file not found: .*icon-81\.png/);
});

test('an icon of the wrong pixel size is reported', () => {
  const file = brokenCopy(
    'wrong-size',
    'resid="Icon.80"/>\n                </Icon>\n                <Control xsi:type="Button" id="Jixiao.RunEvaluation">',
    'resid="Icon.32"/>\n                </Icon>\n                <Control xsi:type="Button" id="Jixiao.RunEvaluation">',
  );
  const { code, out } = validate(file);
  expect(code).toBe(1);
  // Icon.32 is now used at 32 and 80 px; the group icon asks for 80 px from a 32 px file.
  expect(out).toContain('图片资源 “Icon.32” 被用作多种尺寸（32、80）');
});

test('an IconUrl pointing at the 64 px file is reported with its real size', () => {
  const { code, out } = validate(
    brokenCopy(
      'iconurl-64',
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
    ),
  );
  expect(code).toBe(1);
  expect(out).toContain('图标 icon-64.png 为 64×64 像素，应为 32 像素见方');
  expect(out).toContain('icon icon-64.png is 64x64 px, expected a square of 32 px');
});

test('a FunctionName the commands code does not register is refused', () => {
  const { code, out } = validate(
    brokenCopy('bad-function', '<FunctionName>runEvaluation</FunctionName>', '<FunctionName>runEval</FunctionName>'),
  );
  expect(code).toBe(1);
  expect(out).toContain('FunctionName 为“runEval”，但命令代码注册的是 runEvaluation');
});

test('the commands sources must register runEvaluation', async () => {
  const commandsDir = path.join(tmp, 'commands');
  fs.mkdirSync(commandsDir, { recursive: true });
  fs.writeFileSync(
    path.join(commandsDir, 'commands.ts'),
    "Office.actions.associate('somethingElse', () => undefined);\n",
  );
  const result = await validateManifest(path.join(REPO, 'manifest.xml'), { commandsDir, skipSchema: true });
  expect(result.ok).toBe(false);
  expect(result.errors.map((e: { zh: string }) => e.zh)).toEqual([
    expect.stringContaining('src/commands 中没有用 Office.actions.associate 注册“runEvaluation”'),
  ]);

  fs.writeFileSync(
    path.join(commandsDir, 'commands.ts'),
    "const RUN = 'runEvaluation';\nOffice.actions.associate(RUN, () => undefined);\n",
  );
  const ok = await validateManifest(path.join(REPO, 'manifest.xml'), { commandsDir, skipSchema: true });
  expect(ok.errors).toEqual([]);
});

test('an Id that is not a GUID fails', () => {
  const { code, out } = validate(brokenCopy('bad-id', /<Id>[^<]+<\/Id>/, '<Id>jixiao-addin</Id>'));
  expect(code).toBe(1);
  expect(out).toContain('<Id> 必须是 GUID，实际为“jixiao-addin”');
});

test('a missing schema folder fails with a clear message instead of passing silently', () => {
  const missing = path.join(tmp, 'no-such-xsd');
  const { code, out } = validate(path.join(REPO, 'manifest.xml'), { MANIFEST_XSD_DIR: missing });
  expect(code).toBe(1);
  expect(out).toContain(`找不到清单架构目录 ${missing}`);
  expect(out).toContain('MANIFEST_XSD_DIR');
});

test('a file that is not well-formed XML is reported, not thrown', () => {
  const file = brokenCopy('malformed', '</Hosts>\n  <!--', '</Host>\n  <!--');
  const { code, out } = validate(file);
  expect(code).toBe(1);
  expect(out).toContain('清单不是格式正确的 XML');
});

test('an ExcelApi minimum above 1.1 is refused: it would hide the add-in from older Excel instead of showing the message', () => {
  expect(MANIFEST).not.toContain('<Requirements>');
  const { code, out } = validate(
    brokenCopy(
      'requirements',
      '  <DefaultSettings>',
      '  <Requirements><Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.4"/></Sets></Requirements>\n  <DefaultSettings>',
    ),
  );
  expect(code).toBe(1);
  expect(out).toContain('ExcelApi 最低版本 1.4 会让较旧的 Excel 完全看不到加载项');
});
