// Sets the element's attributes from the page's query (?lang=nb&jurisdiction=no) before the
// deferred module upgrades it (e2e/pages/engines.html).
(function () {
  var q = new URLSearchParams(location.search);
  var el = document.querySelector('blincyto-checker');
  ['lang', 'jurisdiction'].forEach(function (name) {
    if (q.get(name)) el.setAttribute(name, q.get(name));
  });
})();
