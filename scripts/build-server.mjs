#!/usr/bin/env node
/**
 * The server as one JavaScript file, for `npm start`: server/main.ts and everything of the
 * project it imports, bundled by esbuild into dist/server/main.mjs; packages stay imports of
 * node_modules. Running the bundle rather than the sources through `tsx` skips compiling at
 * every start and the names `tsx` keeps on every function (esbuild's keepNames: a call to
 * Object.defineProperty each time a closure is made), about 4–7 % of the relay's CPU
 * (BENCHMARKS.md, session 15). The tests and `npm run dev` run the sources; test/server/bundle.test.ts
 * runs the bundle. Files the server reads at run time are found from the project's root
 * (server/paths.ts), wherever the bundle is.
 *   node scripts/build-server.mjs [entry.ts out.mjs]   # default: server/main.ts dist/server/main.mjs
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry = 'server/main.ts', out = 'dist/server/main.mjs'] = process.argv.slice(2);

await build({
  absWorkingDir: root,
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
