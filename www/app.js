// app.html's own script (the embed, blincyto-checker.js, never registers a service worker):
// registers sw.js, which keeps this page and its files for offline use, for this page alone
// (scope app.html), so the worker controls no other page of the host, the demo beside it included.
// After the page has loaded, so that filling the cache never competes with the first start.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js', { scope: 'app.html' }).catch((e) => {
      console.warn(`blincyto-checker: app.html will not work offline: ${e.message}`);
    });
  });
}
