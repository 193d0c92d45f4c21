/**
 * Where the project's own files are, for code that reads them at run time (the demo's fixtures,
 * the threads' scripts, the built browser app). `npm start` runs the server from one bundled file
 * (scripts/build-server.mjs), where `import.meta.url` names the bundle rather than the module
 * that wrote it; the tests and `npm run dev` run the sources. So no module resolves a file
 * against its own URL: each asks here, and here the project's root is found by walking up from
 * wherever this code runs to the directory whose package.json is Penholder's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'penholder') return dir;
    } catch {
      // No package.json here, or not one that parses: go on up.
    }
    if (path.dirname(dir) === dir) throw new Error(`Penholder's package.json was not found above ${from}`);
  }
}

/** The project's root directory (where package.json is). */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, from its root: `projectPath('server', 'demo', 'fixtures')`. */
export const projectPath = (...parts: string[]): string => path.join(PROJECT_ROOT, ...parts);

/** The same as a file URL (a directory's ends with a slash when `directory` is set). */
export const projectUrl = (parts: string[], directory = false): URL => {
  const url = pathToFileURL(projectPath(...parts));
  if (directory && !url.pathname.endsWith('/')) url.pathname += '/';
  return url;
};
