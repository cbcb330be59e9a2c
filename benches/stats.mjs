// Statistics and number formatting of the benches.

export const sorted = (xs) => [...xs].sort((a, b) => a - b);
export function median(xs) {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const stats = (xs) => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs), n: xs.length });
export const ms = (x) => (x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(1)} ms`);
/** A difference, with its sign. */
export const dms = (x) => (x === undefined || Number.isNaN(x) ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(1)} ms`);
export const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
export const dkib = (b) => `${b >= 0 ? '+' : ''}${kib(b)}`;
export const bytes = (b) => b.toLocaleString('en-US').replace(/,/g, ' ');
export const met = (ok) => (ok ? 'met' : 'NOT MET');
export const si = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0));
