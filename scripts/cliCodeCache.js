'use strict';
/**
 * Stores V8's compiled code of the bundled CLI (dist-cli/jixiao.js.cache), run by `npm run build:cli` after
 * webpack: `jixiao fill` on the sample, into a temporary folder, with bin/jixiao.js told to write the cache as
 * it exits — so the cache holds every function a fill (and so an evaluate) compiled, not only the top level.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cache-'));
try {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'bin', 'jixiao.js'),
      'fill',
      path.join(root, 'assets', 'sample-xinzhou-2021.xlsx'),
      '-o',
      path.join(dir, 'filled.xlsx'),
    ],
    { env: { ...process.env, JIXIAO_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' },
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
