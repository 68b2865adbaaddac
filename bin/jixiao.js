#!/usr/bin/env node
'use strict';
// The CLI is compiled into one file by `npm run build:cli` (also run by `npm run demo` and `npm run bench`),
// which also stores V8's compiled code for it (dist-cli/jixiao.js.cache, see scripts/cliCodeCache.js): with it,
// start-up skips compiling the functions a run needs. A cache older than the bundle, or one V8 rejects (another
// Node version), is ignored and the bundle is compiled as usual.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const BUNDLE = path.join(__dirname, '..', 'dist-cli', 'jixiao.js');
const CACHE = BUNDLE + '.cache';

function loadBundle() {
  let source;
  try {
    source = fs.readFileSync(BUNDLE, 'utf8');
  } catch {
    return null;
  }
  let cachedData;
  try {
    if (fs.statSync(CACHE).mtimeMs >= fs.statSync(BUNDLE).mtimeMs) cachedData = fs.readFileSync(CACHE);
  } catch {
    // no cache: compile as usual
  }
  // What require() does for a CommonJS file, with V8's cached data added.
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const mod = new Module(BUNDLE, module);
  mod.filename = BUNDLE;
  mod.paths = Module._nodeModulePaths(path.dirname(BUNDLE));
  script
    .runInThisContext()
    .call(mod.exports, mod.exports, Module.createRequire(BUNDLE), mod, BUNDLE, path.dirname(BUNDLE));
  mod.loaded = true;
  if (process.env.JIXIAO_WRITE_CODE_CACHE) process.on('exit', () => fs.writeFileSync(CACHE, script.createCachedData()));
  return mod.exports;
}

const cli = loadBundle();
if (!cli) {
  console.error('命令行尚未编译，请先运行 npm run build:cli');
  process.exitCode = 1;
} else {
  cli.main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error('内部错误：' + (err && err.stack ? err.stack : err));
      process.exitCode = 1;
    },
  );
}
