// Runs before the module defines <blincyto-checker> (e2e/pages/upgrade.html): plain own
// properties on a not-yet-upgraded element, as a framework that renders first sets them.
(function () {
  var el = document.querySelector('blincyto-checker');
  window.__upgradedBefore = customElements.get('blincyto-checker') === undefined;
  el.jurisdiction = 'no';
  el.lang = 'en';
  el.input = {
    jurisdiction: 'no', ageYears: 34, diagnosis: 'b-precursor-all', cd19: 'positive',
    philadelphia: 'negative', diseaseStatus: 'newly-diagnosed', inRemission: true, mrdPercent: 0.5,
  };
  window.__events = [];
  document.addEventListener('blincyto-assessment', function (e) { window.__events.push(e.detail); });
})();
