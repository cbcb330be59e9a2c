// A React 19 host of <blincyto-checker> (e2e/frameworks.spec.mjs bundles it with esbuild): the
// element rendered from state in StrictMode, attributes and properties from that state, its
// event taken into state, prefilled through `input`, unmounted and mounted again. The typing
// lines are the README's ("Using it from React / Vue"); `tsc -p e2e/frameworks` checks them.
import 'blincyto-checker';
import type { Assessment, BlincytoAssessmentEvent, BlincytoCheckerElement, EvaluateInput, Jurisdiction } from 'blincyto-checker';
import { StrictMode, useState, type DetailedHTMLProps, type HTMLAttributes } from 'react';
import { createRoot } from 'react-dom/client';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'blincyto-checker': DetailedHTMLProps<HTMLAttributes<BlincytoCheckerElement>, BlincytoCheckerElement> & {
        jurisdiction?: Jurisdiction;
        input?: EvaluateInput;
        'onblincyto-assessment'?: (event: BlincytoAssessmentEvent) => void;
      };
    }
  }
}

/** The patient the form opens with (its jurisdiction is the element's). */
const PREFILL: EvaluateInput = {
  ageYears: 8, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative', diseaseStatus: 'relapsed',
  relapseNumber: 2, inRemission: false, priorTherapyLines: 2, priorAlloHsct: false, plannedAlloHsct: false,
};

function App() {
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>('no');
  const [lang, setLang] = useState('nb');
  const [shown, setShown] = useState(true);
  const [result, setResult] = useState<Assessment | null>(null);
  const [events, setEvents] = useState(0);
  return (
    <>
      <button type="button" id="sweden" onClick={() => { setJurisdiction('se'); setLang('sv'); }}>Sverige</button>
      <button type="button" id="toggle" onClick={() => setShown((s) => !s)}>{shown ? 'Dölj' : 'Visa'}</button>
      <output id="verdict">{result?.verdict ?? ''}</output>
      <output id="events">{events}</output>
      {shown && (
        <blincyto-checker
          lang={lang}
          jurisdiction={jurisdiction}
          input={PREFILL}
          onblincyto-assessment={(e) => {
            setResult(e.detail);
            setEvents((n) => n + 1);
          }}
        />
      )}
    </>
  );
}

createRoot(document.getElementById('app')!).render(<StrictMode><App /></StrictMode>);
