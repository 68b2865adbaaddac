'use strict';
/**
 * The `jixiao` command as one file: dist-cli/jixiao.js, plus the chunks only some commands load
 * (the Word report's docx, the xlsx writer). Node then reads and compiles one script instead of
 * resolving some 150 modules one by one, which was most of the start-up of `jixiao evaluate`.
 * Built by `npm run build:cli` after tsc (which type-checks; here TypeScript is only transpiled).
 */
const path = require('path');

module.exports = {
  mode: 'production',
  target: 'node20',
  entry: path.resolve(__dirname, 'src/cli/main.ts'),
  output: {
    path: path.resolve(__dirname, 'dist-cli'),
    filename: 'jixiao.js',
    chunkFilename: 'chunks/[name].js',
    library: { type: 'commonjs2' },
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: 'ts-loader',
        options: {
          configFile: path.resolve(__dirname, 'tsconfig.cli.json'),
          transpileOnly: true,
          // ES modules, so that import() stays a separate chunk loaded on demand.
          compilerOptions: { module: 'esnext', incremental: false },
        },
      },
    ],
  },
  // __dirname stays Node's own (the folder of dist-cli/jixiao.js): the CLI finds the repository from it.
  node: { __dirname: false, __filename: false },
  // Readable output; minifying saves little start-up here and makes stack traces useless.
  optimization: { minimize: false },
  devtool: false,
  performance: { hints: false },
  stats: 'errors-warnings',
};
