// Records every Content-Security-Policy violation of the page (a classic script, so it runs
// before the module scripts and is itself allowed by script-src 'self').
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push({
    directive: e.effectiveDirective || e.violatedDirective,
    blocked: e.blockedURI,
    sample: e.sample,
    where: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
    target: e.target && e.target.nodeName,
  });
}, true);
