// A Vue 3 host of <blincyto-checker> (e2e/frameworks.spec.mjs bundles it with esbuild): the
// element in a template, attributes and the `input` property bound to reactive state, its event
// taken into state, unmounted (v-if) and mounted again. Templates compile in the browser here
// (Vue's full build); with single-file components the same `isCustomElement` goes to the
// compiler options of the Vue plugin of the bundler.
import 'blincyto-checker';
import type { Assessment, BlincytoAssessmentEvent, EvaluateInput, Jurisdiction } from 'blincyto-checker';
import { createApp, ref } from 'vue';

const PREFILL: EvaluateInput = {
  ageYears: 8, diagnosis: 'b-precursor-all', cd19: 'positive', philadelphia: 'negative', diseaseStatus: 'relapsed',
  relapseNumber: 2, inRemission: false, priorTherapyLines: 2, priorAlloHsct: false, plannedAlloHsct: false,
};

const app = createApp({
  setup() {
    const jurisdiction = ref<Jurisdiction>('no');
    const lang = ref('nb');
    const shown = ref(true);
    const result = ref<Assessment | null>(null);
    const events = ref(0);
    const onAssessment = (e: BlincytoAssessmentEvent) => {
      result.value = e.detail;
      events.value += 1;
    };
    const sweden = () => {
      jurisdiction.value = 'se';
      lang.value = 'sv';
    };
    return { jurisdiction, lang, shown, result, events, onAssessment, sweden, prefill: PREFILL };
  },
  template: `
    <button type="button" id="sweden" @click="sweden">Sverige</button>
    <button type="button" id="toggle" @click="shown = !shown">{{ shown ? 'Dölj' : 'Visa' }}</button>
    <output id="verdict">{{ result ? result.verdict : '' }}</output>
    <output id="events">{{ events }}</output>
    <blincyto-checker v-if="shown" :lang="lang" :jurisdiction="jurisdiction" :input.prop="prefill"
      @blincyto-assessment="onAssessment"></blincyto-checker>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'blincyto-checker';
app.mount('#app');
