import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The repository's root seen from this file: four levels up is the root when run from the sources
 * (`<root>/services/gateway/src/web`, tsx and jest) and the build output after `npm run build`
 * (`<root>/dist/services/gateway/src/web`, also in the image under /app), whose parent is the root.
 */
function repoRoot(): string {
  const up = resolve(__dirname, '..', '..', '..', '..');
  return existsSync(join(up, 'package.json')) ? up : resolve(up, '..');
}

/** Where `npm run build` puts the web app (`vite build` of `web/`); the default of WEB_DIST_DIR. */
export const DEFAULT_WEB_DIST_DIR = resolve(repoRoot(), 'web', 'dist');
