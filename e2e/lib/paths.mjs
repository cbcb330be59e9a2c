// Where things are, for the e2e specs and the benches. Importing this file has no side effect.
//
// Environment:
//   E2E_DIST         the build to test (default: dist/ of this repository)
//   BLINCYTO_SHARED  the shared contract directory (default: ../shared beside this repository)
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, 'dist'));
export const PAGES = join(ROOT, 'e2e', 'pages');
export const RESULTS = join(ROOT, 'test-results');
export const SHARED = resolve(process.env.BLINCYTO_SHARED ?? join(ROOT, '..', 'shared'));
export const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
/** The JSON Schema of evaluate()'s input and result, generated from the Rust types (tests/types.rs). */
export const SCHEMA = join(ROOT, 'types', 'blincyto-checker.schema.json');
