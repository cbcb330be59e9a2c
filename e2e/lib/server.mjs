// The static server of the e2e specs and the benches: files from directories (sirv), pages
// generated per request, every response `Cache-Control: no-store`, on 127.0.0.1 at a free port.
// Importing this file has no side effect.
import { createServer } from 'node:http';
import sirv from 'sirv';

/**
 * Serves `root` at `/`, each of `mounts` (`{ '/prefix/': dir }`, the longest prefix wins) at its
 * prefix, and `pages` (`{ '/exact/path.html': (searchParams) => html }`) generated per request.
 * `headersFor(pathname)` may add response headers (e.g. a CSP); it can be replaced at any time
 * through `server.headersFor`. Every requested path is recorded in `server.requests`.
 * Browsers ask for /favicon.ico on their own; without a file it gets an empty 204, which keeps
 * consoles free of 404s.
 */
export async function serve({ root, mounts = {}, pages = {}, headersFor = () => ({}) }) {
  const state = { headersFor, requests: [] };
  const files = (dir) => sirv(dir, { dev: true, etag: false, dotfiles: false });
  const handlers = Object.entries(mounts).sort(([a], [b]) => b.length - a.length)
    .map(([prefix, dir]) => [prefix, files(dir)]);
  const rootFiles = files(root);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return res.writeHead(400).end();
    }
    state.requests.push(path);
    const extra = { 'cache-control': 'no-store', ...(state.headersFor(path) ?? {}) };
    for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
    const page = pages[path];
    if (page) {
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page(new URL(req.url, 'http://x').searchParams));
    }
    const notFound = () => (path === '/favicon.ico'
      ? res.writeHead(204, { 'content-type': 'image/x-icon' }).end()
      : res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
    const mount = handlers.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return rootFiles(req, res, notFound);
    req.url = `/${req.url.slice(mount[0].length)}`;
    return mount[1](req, res, notFound);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    requests: state.requests,
    get headersFor() { return state.headersFor; },
    set headersFor(fn) { state.headersFor = fn; },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
