'use strict';
/**
 * Build of the task pane (taskpane.html) and the ribbon's function file (commands.html).
 *
 *   npm run build                       production build in dist/ (manifest for BASE_URL, default https://localhost:3000/)
 *   BASE_URL=https://srv/jixiao/ npm run build      dist/manifest.xml for an intranet server
 *   OFFICE_JS=cdn npm run build         load office.js from Microsoft's CDN instead of dist/office-js/
 *   npm run dev-server                  https://localhost:3000 with a locally generated certificate
 *
 * office.js is never bundled: it finds its host and locale files relative to its own URL and must stay
 * named office.js (office-js-notes §8), so @microsoft/office-js/dist is copied unchanged to office-js/.
 * taskpane.html is also the browser page: its inline ES5 boot script (src/taskpane/boot.js) writes the
 * office.js <script> only when Office hosts the page, and shows a message where the pane cannot run.
 * commands.html is loaded only by Office and always loads office.js.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { rewriteManifest, normaliseBaseUrl, DEV_BASE_URL } = require('./scripts/manifest-for');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_LOCAL = 'office-js/office.js';
/** Initial JS of the pane (office.js excluded), gzip, per the browser issue. */
const TASKPANE_GZIP_BUDGET = 350 * 1000;

/** Prebuilt, already minified browser bundles: webpack neither parses nor re-minifies them. */
const PREBUILT_MINIFIED = /[\\/]exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Reports raw and gzip sizes of each entry's initial JS and of the lazy chunks, and fails the
 * production build when the pane's initial JS exceeds the budget.
 */
class BundleBudgetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleBudgetPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'BundleBudgetPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const sizeOf = (file) => {
            const buffer = compilation.getAsset(file).source.buffer();
            return { raw: buffer.length, gzip: zlib.gzipSync(buffer, { level: 9 }).length };
          };
          const sum = (files) =>
            files.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
          const lines = ['包大小 / bundle sizes (raw / gzip):'];
          const initialFiles = new Set();
          for (const [name, entrypoint] of compilation.entrypoints) {
            const files = entrypoint.getFiles().filter((f) => f.endsWith('.js'));
            files.forEach((f) => initialFiles.add(f));
            const total = sum(files);
            lines.push(`  ${name} 初始 / initial: ${kib(total.raw)} / ${kib(total.gzip)}  [${files.join(', ')}]`);
            if (name === 'taskpane' && total.gzip > TASKPANE_GZIP_BUDGET) {
              compilation.errors.push(
                new webpack.WebpackError(
                  `任务窗格初始脚本 gzip 后 ${total.gzip} 字节，超过上限 ${TASKPANE_GZIP_BUDGET} 字节；请把大模块（如 ExcelJS）改为 import() 延迟加载。` +
                    ` / The pane's initial JS is ${total.gzip} bytes gzip, over the ${TASKPANE_GZIP_BUDGET}-byte budget; load big modules (ExcelJS) with import().`,
                ),
              );
            }
          }
          for (const chunk of compilation.chunks) {
            const files = [...chunk.files].filter((f) => f.endsWith('.js') && !initialFiles.has(f));
            if (files.length === 0) continue;
            const total = sum(files);
            lines.push(
              `  延迟 / lazy ${chunk.name || chunk.id}: ${kib(total.raw)} / ${kib(total.gzip)}  [${files.join(', ')}]`,
            );
          }
          compilation.getLogger('BundleBudgetPlugin').info(lines.join('\n'));
        },
      );
    });
  }
}

/**
 * Marks chunks made only of prebuilt minified bundles (ExcelJS's 0.9 MB browser build) as minimized,
 * so Terser skips them: re-minifying costs ~7 s per build and saves under 1%.
 */
class SkipPrebuiltMinifiedPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SkipPrebuiltMinifiedPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SkipPrebuiltMinifiedPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY },
        () => {
          for (const chunk of compilation.chunks) {
            const modules = compilation.chunkGraph.getChunkModules(chunk);
            if (modules.length === 0 || !modules.every((m) => PREBUILT_MINIFIED.test(m.resource || ''))) continue;
            for (const file of chunk.files) {
              if (file.endsWith('.js')) compilation.updateAsset(file, (source) => source, { minimized: true });
            }
          }
        },
      );
    });
  }
}

function copyPatterns({ baseUrl, officeJsFromCdn }) {
  const patterns = [
    { from: 'assets/*.png', to: 'assets/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => rewriteManifest(content.toString('utf8'), baseUrl),
    },
  ];
  if (!officeJsFromCdn) {
    patterns.push({
      from: path.dirname(require.resolve('@microsoft/office-js/dist/office.js')),
      to: 'office-js',
      // Byte for byte: office.js checks its own name and loads its siblings relative to itself.
      info: { minimized: true },
      globOptions: { ignore: ['**/*.debug.js'] },
    });
  }
  return patterns;
}

module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode || process.env.NODE_ENV) === 'production';
  const serving = Boolean(env.WEBPACK_SERVE || process.env.WEBPACK_SERVE);
  const officeJsFromCdn = (env.OFFICE_JS || process.env.OFFICE_JS) === 'cdn';
  // Checked here so that a bad BASE_URL (http, typo) stops the build before anything is written.
  const baseUrl = normaliseBaseUrl(env.BASE_URL || process.env.BASE_URL || DEV_BASE_URL);
  const officeJsUrl = officeJsFromCdn ? OFFICE_JS_CDN : OFFICE_JS_LOCAL;

  const page = (name, template, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks: [name],
      inject: 'head',
      scriptLoading: 'module',
      officeJsUrl,
      ...extra,
    });
  // Read at config time and inlined (no extra request; it must run before anything else).
  const bootScript = fs.readFileSync(path.join(__dirname, 'src', 'taskpane', 'boot.js'), 'utf8');

  let server = { type: 'https' };
  if (serving) {
    const { devHttpsOptions } = require('./scripts/dev-certs');
    const options = await devHttpsOptions();
    if (options) server = { type: 'https', options };
  }

  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Relative to the page, so dist/ works under any path (https://srv/jixiao/). 'auto' would guess
      // from the last <script> on the page, which office.js's own host scripts can be.
      publicPath: '',
      clean: true,
    },
    devtool: production ? false : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js'],
      // Browser code only: ExcelJS and JSZip resolve to their browser builds via the "browser" field;
      // Node core modules that slip in become empty instead of pulling polyfills.
      fallback: {
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        zlib: false,
        util: false,
        buffer: false,
      },
    },
    module: {
      // ExcelJS's browser build is one prebuilt browserify bundle: nothing for webpack to parse.
      noParse: PREBUILT_MINIFIED,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: {
            configFile: path.resolve(__dirname, 'tsconfig.web.json'),
            onlyCompileBundledFiles: true,
            // The dev server favours speed; the production build type-checks what it bundles.
            transpileOnly: !production,
          },
        },
        // Fluent UI ships "type": "module" packages whose imports omit extensions.
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', priority: 30 },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc|stylis|rtl-css-js|use-sync-external-store)[\\/]/,
            name: 'fluent',
            priority: 20,
          },
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', priority: 20 },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', { bootScript }),
      page('commands', './src/commands/commands.html'),
      new CopyWebpackPlugin({ patterns: copyPatterns({ baseUrl, officeJsFromCdn }) }),
      ...(production ? [new SkipPrebuiltMinifiedPlugin(), new BundleBudgetPlugin()] : []),
    ],
    infrastructureLogging: { level: 'info' },
    stats: production ? { preset: 'normal', assets: false, modules: false, logging: 'info' } : 'minimal',
    devServer: {
      port: 3000,
      server,
      static: false,
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.TASKPANE_GZIP_BUDGET = TASKPANE_GZIP_BUDGET;
