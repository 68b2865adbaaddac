/**
 * The manifest for an intranet server: scripts/manifest-for.js (CLI and module) and the production
 * build's dist/manifest.xml transform, which must be the same rewrite.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-require-imports */
const { rewriteManifest, normaliseBaseUrl } = require('../../scripts/manifest-for.js');
const { validateManifest } = require('../../scripts/manifest-checks.js');
const webpackConfig = require('../../webpack.config.js');
const CopyWebpackPlugin = require('copy-webpack-plugin');
/* eslint-enable @typescript-eslint/no-require-imports */

const REPO = path.resolve(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(REPO, 'manifest.xml'), 'utf8');
/**
 * The manifest's <Id>, read by office-addin-manifest's readManifestFile from a copy of `xml`. It runs in
 * a child Node: one of the package's dependencies (strip-bom 5) is ES-module-only, which jest cannot load.
 */
async function idOf(xml: string): Promise<string | undefined> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-manifest-id-'));
  try {
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, xml);
    const read = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])
      .then((m) => process.stdout.write(m.id ?? ''))`;
    const run = spawnSync(process.execPath, ['-e', read, file], { cwd: REPO, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    return run.stdout || undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('rewriteManifest', () => {
  const out = rewriteManifest(MANIFEST, 'https://intranet.example/jixiao/');

  test('moves every development URL under the base and keeps the Id', async () => {
    expect(out).not.toContain('localhost');
    expect(await idOf(MANIFEST)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await idOf(out)).toBe(await idOf(MANIFEST));
    expect(out).toContain('<SourceLocation DefaultValue="https://intranet.example/jixiao/taskpane.html"/>');
    expect(out).toContain('<bt:Url id="Commands.Url" DefaultValue="https://intranet.example/jixiao/commands.html"/>');
    expect(out).toContain('DefaultValue="https://intranet.example/jixiao/assets/icon-16.png"');
    // AppDomain holds an origin, not a page.
    expect(out).toContain('<AppDomain>https://intranet.example</AppDomain>');
  });

  test('changes nothing but the URLs', () => {
    const urlsOut = out.split('https://intranet.example/jixiao/').length - 1;
    const urlsIn = MANIFEST.split('https://localhost:3000/').length - 1;
    expect(urlsOut).toBe(urlsIn);
    expect(
      out
        .replaceAll('https://intranet.example/jixiao/', 'https://localhost:3000/')
        .replace('<AppDomain>https://intranet.example</AppDomain>', '<AppDomain>https://localhost:3000</AppDomain>'),
    ).toBe(MANIFEST);
  });

  test('the rewritten manifest still passes the XSD and our checks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-manifest-for-'));
    try {
      const file = path.join(dir, 'manifest.xml');
      fs.writeFileSync(file, out);
      const result = await validateManifest(file, { assetsDir: path.join(REPO, 'assets') });
      expect(result.errors).toEqual([]);
      expect(result.schemaChecked).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('normalises the base URL and refuses what Office cannot load', () => {
    expect(normaliseBaseUrl('https://srv.example/jixiao')).toBe('https://srv.example/jixiao/');
    expect(normaliseBaseUrl('https://srv.example')).toBe('https://srv.example/');
    expect(() => normaliseBaseUrl('http://srv.example/')).toThrow('Office 加载项只能用 https 地址');
    expect(() => normaliseBaseUrl('srv.example/jixiao')).toThrow('基础地址无效');
    expect(() => normaliseBaseUrl('https://srv.example/?v=1')).toThrow('不能带查询串');
  });
});

describe('node scripts/manifest-for.js', () => {
  const cli = path.join(REPO, 'scripts', 'manifest-for.js');

  test('prints the rewritten manifest on stdout', async () => {
    const run = spawnSync(process.execPath, [cli, 'https://10.1.2.3:8443/jixiao'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<SourceLocation DefaultValue="https://10.1.2.3:8443/jixiao/taskpane.html"/>');
    expect(await idOf(run.stdout)).toBe(await idOf(MANIFEST));
  });

  test('exits 1 with a bilingual message for an http base', () => {
    const run = spawnSync(process.execPath, [cli, 'http://intranet.example/'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Office add-ins need an https base URL');
  });
});

describe('production build: dist/manifest.xml', () => {
  /** The CopyWebpackPlugin pattern that writes dist/manifest.xml, from the real config. */
  async function manifestPattern(env: Record<string, string>) {
    const config = await webpackConfig(env, { mode: 'production' });
    const copy = config.plugins.find((p: object) => p instanceof CopyWebpackPlugin);
    return copy.patterns.find((p: { from: string }) => p.from === 'manifest.xml');
  }

  test('uses BASE_URL', async () => {
    const pattern = await manifestPattern({ BASE_URL: 'https://intranet.example/jixiao/' });
    expect(pattern.to).toBe('manifest.xml');
    const written = pattern.transform(Buffer.from(MANIFEST, 'utf8'));
    expect(written).toBe(rewriteManifest(MANIFEST, 'https://intranet.example/jixiao/'));
  });

  test('defaults to https://localhost:3000/, leaving the manifest as it is', async () => {
    const previous = process.env.BASE_URL;
    delete process.env.BASE_URL;
    try {
      const pattern = await manifestPattern({});
      expect(pattern.transform(Buffer.from(MANIFEST, 'utf8'))).toBe(MANIFEST);
    } finally {
      if (previous !== undefined) process.env.BASE_URL = previous;
    }
  });

  test('refuses an http BASE_URL before building anything', async () => {
    await expect(webpackConfig({ BASE_URL: 'http://intranet.example/' }, { mode: 'production' })).rejects.toThrow(
      'Office add-ins need an https base URL',
    );
  });
});
