#!/usr/bin/env node
'use strict';
/**
 * The manifest for another server: every https://localhost:3000/ URL is moved under a base URL.
 *
 *   node scripts/manifest-for.js https://intranet.example/jixiao/ [manifest.xml] > out/manifest.xml
 *
 * The production build (webpack.config.js) uses the same rewrite with env BASE_URL for dist/manifest.xml.
 * <Id> is left untouched on purpose: Office keys the add-in and its per-workbook settings by it.
 */
const fs = require('fs');
const path = require('path');

const DEV_BASE_URL = 'https://localhost:3000/';

/** Checks and normalises a base URL: https only, no query or fragment, always ending in `/`. */
function normaliseBaseUrl(input) {
  let url;
  try {
    url = new URL(String(input).trim());
  } catch {
    throw new Error(`基础地址无效：“${input}” / invalid base URL: "${input}"`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`Office 加载项只能用 https 地址：“${input}” / Office add-ins need an https base URL: "${input}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(
      `基础地址不能带查询串、锚点或账号：“${input}” / the base URL must not carry a query, fragment or credentials: "${input}"`,
    );
  }
  return url.origin + (url.pathname.endsWith('/') ? url.pathname : url.pathname + '/');
}

/**
 * Rewrites `xml` for `baseUrl`: URLs under the development base move under the new base, and a bare
 * development origin (AppDomain) becomes the new origin.
 */
function rewriteManifest(xml, baseUrl, devBaseUrl = DEV_BASE_URL) {
  const base = normaliseBaseUrl(baseUrl);
  const dev = normaliseBaseUrl(devBaseUrl);
  const devOrigin = new URL(dev).origin;
  const newOrigin = new URL(base).origin;
  return xml.split(dev).join(base).split(devOrigin).join(newOrigin);
}

function main(argv) {
  const [baseUrl, manifestArg] = argv;
  if (!baseUrl) {
    console.error(
      '用法 / usage: node scripts/manifest-for.js <https 基础地址/base URL> [manifest.xml] > out/manifest.xml',
    );
    return 1;
  }
  const manifestPath = path.resolve(manifestArg || path.join(__dirname, '..', 'manifest.xml'));
  try {
    process.stdout.write(rewriteManifest(fs.readFileSync(manifestPath, 'utf8'), baseUrl));
  } catch (err) {
    console.error(err.message);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { rewriteManifest, normaliseBaseUrl, DEV_BASE_URL };
