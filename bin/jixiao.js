#!/usr/bin/env node
'use strict';
// The CLI is compiled into one file by `npm run build:cli` (also run by `npm run demo` and `npm run bench`).
try {
  require('../dist-cli/jixiao.js')
    .main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err) => {
        console.error('内部错误：' + (err && err.stack ? err.stack : err));
        process.exitCode = 1;
      },
    );
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    console.error('命令行尚未编译，请先运行 npm run build:cli');
    process.exitCode = 1;
  } else throw err;
}
