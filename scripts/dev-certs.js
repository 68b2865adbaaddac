'use strict';
/**
 * HTTPS key and certificate for `npm run dev-server` (Office only loads https add-ins).
 *
 * Order: a still-valid pair in ~/.office-addin-dev-certs (a developer who ran
 * `npx office-addin-dev-certs install` on Windows has its CA trusted, so reuse it); else a pair in
 * .certs/ made by office-addin-dev-certs' pure-JS generateCertificates (no sudo, nothing installed);
 * else null, and webpack-dev-server falls back to its own self-signed certificate.
 * Trusting the CA stays a manual step (see the certificate path printed on start).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { X509Certificate } = require('crypto');

const HOME_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const PROJECT_DIR = path.resolve(__dirname, '..', '.certs');
const MIN_REMAINING_MS = 24 * 60 * 60 * 1000;

const filesIn = (dir) => ({
  dir,
  ca: path.join(dir, 'ca.crt'),
  cert: path.join(dir, 'localhost.crt'),
  key: path.join(dir, 'localhost.key'),
});

/** { key, cert } from `dir` when both exist and the certificate is valid for at least another day. */
function readValidPair(dir, now = Date.now()) {
  const f = filesIn(dir);
  try {
    const cert = fs.readFileSync(f.cert);
    const key = fs.readFileSync(f.key);
    const validTo = Date.parse(new X509Certificate(cert).validTo);
    return validTo - now > MIN_REMAINING_MS ? { key, cert, dir } : null;
  } catch {
    return null;
  }
}

/** Generates a fresh CA + localhost pair in `dir` (generateCertificates skips writing when ca.crt exists). */
async function generatePair(dir) {
  const f = filesIn(dir);
  for (const file of [f.ca, f.cert, f.key]) fs.rmSync(file, { force: true });
  const { generateCertificates } = require('office-addin-dev-certs');
  await generateCertificates(f.ca, f.cert, f.key);
  return readValidPair(dir);
}

/**
 * The https options for webpack-dev-server's `server.options`, or null to let it self-sign.
 * Logs (Chinese + English) which certificate is used.
 */
async function devHttpsOptions({ homeDir = HOME_DIR, projectDir = PROJECT_DIR, log = console.log } = {}) {
  let pair = readValidPair(homeDir) || readValidPair(projectDir);
  if (!pair) {
    try {
      pair = await generatePair(projectDir);
    } catch (err) {
      log(
        `⚠ 无法生成开发证书，改用 webpack-dev-server 自签名证书 / could not generate dev certificates, using a self-signed one: ${err.message}`,
      );
      return null;
    }
  }
  if (!pair) return null;
  log(
    `开发证书 / dev certificate: ${path.join(pair.dir, 'localhost.crt')}（如需信任请导入 / to trust it import ${path.join(pair.dir, 'ca.crt')}）`,
  );
  return { key: pair.key, cert: pair.cert };
}

module.exports = { devHttpsOptions, readValidPair };
