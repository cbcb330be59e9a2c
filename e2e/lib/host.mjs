// The e2e server: dist/ at `/`, e2e/pages/ at `/__e2e__/pages/` and a generated host page at
// `/__e2e__/host.html` (the static server is ./server.mjs, shared with the benches).
import { DIST, PAGES } from './paths.mjs';
import { serve } from './server.mjs';

const HOST = '/__e2e__/host.html';

function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The generated host page, `/__e2e__/host.html?lang=sv&jurisdiction=se&htmlLang=sv&count=1`:
 * a plain, valid page with one (or `count`, or with `count=0` no) element. A parameter given
 * empty (`lang=`) leaves the attribute out.
 */
function hostPage(params) {
  const attr = (name, fallback) => {
    const v = params.has(name) ? params.get(name) : fallback;
    return v ? ` ${name}="${escapeAttr(v)}"` : '';
  };
  const htmlLang = params.has('htmlLang') ? params.get('htmlLang') : (params.get('lang') || 'sv');
  const count = Number(params.get('count') ?? 1);
  const element = `<blincyto-checker${attr('lang', 'sv')}${attr('jurisdiction', 'se')}></blincyto-checker>`;
  return htmlPage({
    lang: htmlLang, title: 'blincyto-checker e2e host', script: '/blincyto-checker.js',
    body: `<main>\n<h1>Blincyto</h1>\n${Array.from({ length: count }, () => element).join('\n')}\n</main>`,
  });
}

/** A plain, valid page: `lang` (left out when empty), `title`, one module `script`, `body`. */
export function htmlPage({ lang, title, script, body }) {
  return `<!doctype html>
<html${lang ? ` lang="${escapeAttr(lang)}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<script type="module" src="${escapeAttr(script)}"></script>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * Serves `dist` at `/`, e2e/pages/ at `/__e2e__/pages/` and the generated host page;
 * `mounts` adds directories (`{ '/__e2e__/frameworks/': dir }`). `headersFor`: see serve().
 * The server's `host(params)` is the URL of the host page.
 */
export async function startServer({ dist = DIST, headersFor, mounts = {} } = {}) {
  const server = await serve({
    root: dist, headersFor, mounts: { '/__e2e__/pages/': PAGES, ...mounts }, pages: { [HOST]: hostPage },
  });
  server.host = (params = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) q.set(k, v ?? '');
    return `${server.base}${HOST}?${q}`;
  };
  return server;
}
