// The offline copy of app.html, the installable page (docs/app.md). app.js registers this worker
// for the scope app.html alone; the embed (blincyto-checker.js on a portal's page) never does.
//
// It keeps the page and what it loads in one cache named after the release, and answers those
// files from it, so that the page starts without a network after one online load. Everything else
// goes to the network untouched (there is nothing else: the widget makes no request).
//
// A new release: the browser fetches sw.js on each load of app.html (navigation), sees other bytes,
// installs this worker again (fetching the files anew) and, since it skips waiting, activates it
// at once; `activate` deletes the caches of earlier releases. The page that triggered the update
// has already loaded from the old cache; the next start uses the new one.
//
// The build (scripts/stamp-sw.mjs, a Trunk hook) writes the release version and a hash of the
// files into the two constants below; these source values are what an unbuilt copy carries.
const VERSION = 'unbuilt';
const BUILD = 'unbuilt';
const CACHE = `blincyto-checker-${VERSION}-${BUILD}`;
/** Beside sw.js. scripts/stamp-sw.mjs checks that the build holds each, and the package takes them. */
const FILES = ["app.html", "app.css", "app.js", "app.webmanifest", "blincyto-checker.js", "blincyto-checker-core.js", "blincyto-checker-core_bg.wasm", "icons/icon-192.png", "icons/icon-512.png", "icons/icon-maskable-512.png", "icons/apple-touch-icon.png"];

const URLS = new Set(FILES.map((f) => new URL(f, self.location).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload': from the server, never a copy of the previous release from the HTTP cache.
    await cache.addAll([...URLS].map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  // Only this app's own caches: the origin is the portal's, and may have others.
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('blincyto-checker-') && key !== CACHE) await caches.delete(key);
    }
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  url.search = '';
  url.hash = '';
  if (event.request.method !== 'GET' || !URLS.has(url.href)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(url.href)) ?? fetch(event.request);
  })());
});
