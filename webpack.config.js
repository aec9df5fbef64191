/**
 * Builds the add-in (taskpane.html, commands.html) and the browser preview (preview.html) into dist/.
 *
 *   npm run build       production bundles (+ the CLI via `npm run build:cli`)
 *   npm run dev-server  https://localhost:3000 with the Office dev certificates (for `npm start` / sideloading)
 *   npm run preview     http://localhost:3001/preview.html — the pane on the in-memory Office fake; no certificates
 *
 * GOUJI_PUBLIC_URL (e.g. https://gouji.example.org/) rewrites https://localhost:3000/ in the copied manifest
 * of a production build.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PREVIEW_PORT = Number(process.env.GOUJI_PREVIEW_PORT || 3001);

async function httpsOptions() {
  // Only the Office dev server needs certificates; required lazily so builds and the preview never touch them.
  const devCerts = require('office-addin-dev-certs');
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/** The bundled sample workbook the preview opens by default (served as /sample.xlsx). */
function sampleWorkbook() {
  const dir = path.join(__dirname, 'assets', 'sample');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.xlsx'))
        .sort()
    : [];
  return files.length ? path.join(dir, files[0]) : undefined;
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const preview = Boolean(env.preview);
  const publicUrl = process.env.GOUJI_PUBLIC_URL;
  const sample = sampleWorkbook();

  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      // src/xlsx and src/core are pure; nothing in the browser bundles needs Node built-ins
      fallback: { fs: false, path: false, zlib: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: 'tsconfig.json',
              // ES modules so webpack can drop unused code (Fluent icons, catalog helpers)
              compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: dev },
            },
          },
        },
        { test: /\.css$/, type: 'asset/source' },
        {
          test: /\.(png|jpe?g|gif|svg|ico)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext]' },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...(sample ? [{ from: sample, to: 'sample.xlsx' }] : []),
          {
            from: 'manifest*.xml',
            to: '[name][ext]',
            transform(content) {
              if (dev || !publicUrl) return content;
              return content
                .toString()
                .split(DEV_URL)
                .join(publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
            },
          },
        ],
      }),
    ],
    // React + Fluent UI make a ~1 MB pane bundle; the hint about 244 KiB is noise for a task pane.
    performance: { hints: false },
    stats: { preset: 'minimal', errorDetails: true },
  };

  if (env.WEBPACK_SERVE) {
    config.devServer = preview
      ? {
          host: 'localhost',
          port: PREVIEW_PORT,
          server: 'http',
          static: false,
          hot: false,
          open: false,
          historyApiFallback: false,
          devMiddleware: { index: 'preview.html' },
        }
      : {
          host: 'localhost',
          port: 3000,
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
        };
  }
  return config;
};
