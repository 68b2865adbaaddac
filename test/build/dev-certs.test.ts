/**
 * The dev server's certificate: generated offline without sudo, reused while valid, and the
 * developer's own ~/.office-addin-dev-certs pair preferred when it is still valid.
 */
import { X509Certificate, createPrivateKey } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { devHttpsOptions, readValidPair } = require('../../scripts/dev-certs.js');

let base: string;
beforeAll(() => {
  // generateCertificates announces itself on the console; the test checks our own log instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-certs-'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

test('generates a localhost pair signed by a local CA when none exists, then reuses it', async () => {
  const homeDir = path.join(base, 'home-empty');
  const projectDir = path.join(base, 'project');
  const logs: string[] = [];
  const first = await devHttpsOptions({ homeDir, projectDir, log: (line: string) => logs.push(line) });

  const cert = new X509Certificate(first.cert);
  const ca = new X509Certificate(fs.readFileSync(path.join(projectDir, 'ca.crt')));
  expect(cert.verify(ca.publicKey)).toBe(true);
  expect(cert.checkHost('localhost')).toBe('localhost');
  expect(cert.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
  expect(Date.parse(cert.validTo) - Date.now()).toBeGreaterThan(20 * 24 * 3600 * 1000);
  expect(logs.join('\n')).toContain(path.join(projectDir, 'localhost.crt'));

  const second = await devHttpsOptions({ homeDir, projectDir, log: () => undefined });
  expect(Buffer.compare(second.cert, first.cert)).toBe(0);
});

test('prefers a valid pair in the home folder (its CA may be trusted already)', async () => {
  const homeDir = path.join(base, 'project'); // the pair generated above
  const projectDir = path.join(base, 'unused');
  const options = await devHttpsOptions({ homeDir, projectDir, log: () => undefined });
  expect(Buffer.compare(options.cert, fs.readFileSync(path.join(homeDir, 'localhost.crt')))).toBe(0);
  expect(fs.existsSync(projectDir)).toBe(false);
});

test('an expired or unreadable pair is not used', () => {
  const dir = path.join(base, 'project');
  const validTo = Date.parse(new X509Certificate(fs.readFileSync(path.join(dir, 'localhost.crt'))).validTo);
  expect(readValidPair(dir, validTo - 1000)).toBeNull(); // less than a day left
  expect(readValidPair(dir, validTo - 2 * 24 * 3600 * 1000)).not.toBeNull();
  const broken = path.join(base, 'broken');
  fs.mkdirSync(broken);
  fs.writeFileSync(path.join(broken, 'localhost.crt'), 'not a certificate');
  fs.writeFileSync(path.join(broken, 'localhost.key'), 'not a key');
  expect(readValidPair(broken)).toBeNull();
});
