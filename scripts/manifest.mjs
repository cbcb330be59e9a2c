#!/usr/bin/env node
// custom-elements.json (the Custom Elements Manifest) from types/element.json, the one source of
// the element's public facts:
//
//   node scripts/manifest.mjs           check (./scripts/test.sh stage `manifest`)
//   node scripts/manifest.mjs --write   write custom-elements.json
//
// The check fails when custom-elements.json is not what would be written or is not valid against
// the schema of the `custom-elements-manifest` package (ajv), and when a fact stated elsewhere
// departs from the source: the README's Attributes and Theming tables and its ::part list, the
// :host defaults in src/browser/components/widget.css, the part="…" names the components render
// and the attributes www/blincyto-checker.js observes.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'noop.js'));
const Ajv = require('ajv');
const OUT = join(ROOT, 'custom-elements.json');
const read = (p) => readFile(join(ROOT, p), 'utf8');

export function manifest(el) {
  const union = (values) => values.map((v) => `'${v}'`).join(' | ');
  return {
    schemaVersion: '2.1.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: el.module,
      declarations: [
        {
          kind: 'class',
          customElement: true,
          tagName: el.tagName,
          name: el.className,
          summary: el.summary,
          description: el.description,
          superclass: { name: 'HTMLElement', package: 'global:' },
          members: [
            ...el.properties.map((p) => ({
              kind: 'field',
              name: p.name,
              type: { text: p.type },
              ...(p.default !== undefined ? { default: p.default } : {}),
              ...(p.readonly ? { readonly: true } : {}),
              ...(p.attribute ? { attribute: p.attribute, reflects: p.reflects === true } : {}),
              ...(p.inheritedFrom ? { inheritedFrom: { name: p.inheritedFrom, package: 'global:' } } : {}),
              description: p.description,
            })),
            ...el.methods.map((m) => ({
              kind: 'method',
              name: m.name,
              return: { type: { text: m.return } },
              description: m.description,
            })),
          ],
          attributes: el.attributes.map((a) => ({
            name: a.name,
            type: { text: union(a.accepts) },
            ...(a.default !== undefined ? { default: a.default } : {}),
            ...(el.properties.some((p) => p.attribute === a.name) ? { fieldName: el.properties.find((p) => p.attribute === a.name).name } : {}),
            description: `${a.readme.meaning}. Values: ${a.readme.values}; default: ${a.readme.default}. An unknown value falls back to the default with one console warning.`,
          })),
          events: [{
            name: el.event.name,
            type: { text: el.event.type, references: [{ name: 'Assessment', module: 'blincyto-checker.d.ts', start: 12, end: 22 }] },
            description: el.event.description,
          }],
          cssProperties: el.cssProperties.map((p) => ({ name: p.name, syntax: p.default.startsWith('#') ? '<color>' : '<length>', default: p.default, description: p.description })),
          cssParts: el.parts.map((p) => ({ name: p.name, description: p.description })),
        },
        {
          kind: 'function',
          name: el.function.name,
          description: el.function.description,
          parameters: [{ name: el.function.parameter.name, type: { text: el.function.parameter.type } }],
          return: { type: { text: el.function.return } },
        },
      ],
      exports: [
        { kind: 'js', name: el.function.name, declaration: { name: el.function.name, module: el.module } },
        { kind: 'custom-element-definition', name: el.tagName, declaration: { name: el.className, module: el.module } },
      ],
    }],
  };
}

/** The README's markdown table under `### heading`: its rows as arrays of cells. */
function readmeTable(readme, heading) {
  const at = readme.indexOf(`\n### ${heading}\n`);
  if (at < 0) return null;
  const lines = readme.slice(at).split('\n').slice(2);
  const start = lines.findIndex((l) => l.startsWith('|'));
  const rows = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.slice(1, -1).split(' | ').map((c) => c.trim()));
  }
  return rows;
}

export async function problems(el, written) {
  const out = [];
  const fresh = `${JSON.stringify(manifest(el), null, 2)}\n`;
  if (written !== fresh) out.push('custom-elements.json is stale: run `node scripts/manifest.mjs --write` and commit it');

  // Valid against the Custom Elements Manifest schema.
  const schema = JSON.parse(await readFile(require.resolve('custom-elements-manifest/schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  let parsed = null;
  try { parsed = JSON.parse(written); } catch (e) { out.push(`custom-elements.json is no JSON: ${e.message}`); }
  if (parsed && !validate(parsed)) {
    out.push(`custom-elements.json is not valid against custom-elements-manifest ${require('custom-elements-manifest/package.json').version}'s schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
  }

  // The README's tables.
  const readme = await read('README.md');
  const attrs = readmeTable(readme, 'Attributes');
  const wantAttrs = el.attributes.map((a) => [`\`${a.name}\``, a.readme.values, a.readme.default, a.readme.meaning]);
  if (JSON.stringify(attrs) !== JSON.stringify(wantAttrs)) {
    out.push(`README's Attributes table differs from types/element.json:\n  README: ${JSON.stringify(attrs)}\n  source: ${JSON.stringify(wantAttrs)}`);
  }
  const members = readmeTable(readme, 'Properties and methods');
  const wantMembers = [...el.properties, ...el.methods.map((m) => ({ ...m, name: `${m.name}()` }))]
    .map((m) => [`\`${m.name}\``, m.readme.type, m.readme.meaning]);
  if (JSON.stringify(members) !== JSON.stringify(wantMembers)) {
    out.push(`README's Properties and methods table differs from types/element.json:\n  README: ${JSON.stringify(members)}\n  source: ${JSON.stringify(wantMembers)}`);
  }
  const props = readmeTable(readme, 'Theming (CSS custom properties)');
  const wantProps = el.cssProperties.map((p) => [`\`${p.name}\``, `\`${p.default}\``, p.description]);
  if (JSON.stringify(props) !== JSON.stringify(wantProps)) {
    out.push(`README's Theming table differs from types/element.json:\n  README: ${JSON.stringify(props)}\n  source: ${JSON.stringify(wantProps)}`);
  }
  const readmeParts = [...new Set([...readme.matchAll(/::part\(([a-z-]+)\)/g)].map((m) => m[1]))];
  if (JSON.stringify(readmeParts) !== JSON.stringify(el.parts.map((p) => p.name))) {
    out.push(`README's ::part() hooks [${readmeParts}] are not types/element.json's [${el.parts.map((p) => p.name)}]`);
  }

  // The code: widget.css's :host defaults, the rendered parts, the observed attributes.
  const css = await read('src/browser/components/widget.css');
  const host = css.match(/^:host \{([^}]*)\}/m)?.[1] ?? '';
  const cssDefaults = [...host.matchAll(/(--blincyto-[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]);
  const wantDefaults = el.cssProperties.map((p) => [p.name, p.default]);
  if (JSON.stringify(cssDefaults) !== JSON.stringify(wantDefaults)) {
    out.push(`widget.css's :host custom properties differ from types/element.json:\n  css:    ${JSON.stringify(cssDefaults)}\n  source: ${JSON.stringify(wantDefaults)}`);
  }
  const dir = join(ROOT, 'src', 'browser', 'components');
  const rendered = new Set();
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.rs'))) {
    for (const m of (await readFile(join(dir, f), 'utf8')).matchAll(/\bpart="([^"]+)"/g)) m[1].split(/\s+/).forEach((p) => rendered.add(p));
  }
  const documented = el.parts.map((p) => p.name);
  const undocumented = [...rendered].filter((p) => !documented.includes(p));
  const absent = documented.filter((p) => !rendered.has(p));
  if (undocumented.length || absent.length) {
    out.push(`parts: rendered but not in types/element.json [${undocumented}]; in types/element.json but never rendered [${absent}]`);
  }
  const js = await read(`www/${el.module}`);
  const observed = js.match(/observedAttributes\(\)\s*\{\s*return \[([^\]]*)\]/)?.[1].match(/'([^']+)'/g)?.map((s) => s.slice(1, -1));
  if (JSON.stringify(observed) !== JSON.stringify(el.attributes.map((a) => a.name))) {
    out.push(`www/${el.module} observes [${observed}], types/element.json lists [${el.attributes.map((a) => a.name)}]`);
  }
  const ts = await read('www/blincyto-checker.d.ts');
  if (!ts.includes(`'${el.tagName}': BlincytoCheckerElement`) || !ts.includes(`'${el.event.name}': BlincytoAssessmentEvent`)) {
    out.push('www/blincyto-checker.d.ts does not declare the element and its event under their names');
  }
  // Every property and method is declared on the element's interface (lang: HTMLElement's own)
  // and defined by the element's class in the module.
  const iface = ts.match(/export interface BlincytoCheckerElement extends HTMLElement \{([\s\S]*?)\n\}/)?.[1] ?? '';
  for (const p of el.properties.filter((x) => !x.inheritedFrom)) {
    if (!new RegExp(`^\\s*(readonly |get |set )?${p.name}\\b`, 'm').test(iface)) out.push(`www/blincyto-checker.d.ts: BlincytoCheckerElement has no property ${p.name}`);
    if (!new RegExp(`^\\s*get ${p.name}\\(\\)`, 'm').test(js)) out.push(`www/${el.module}: the element class has no getter ${p.name}`);
  }
  for (const m of el.methods) {
    if (!new RegExp(`^\\s*${m.name}\\(`, 'm').test(iface)) out.push(`www/blincyto-checker.d.ts: BlincytoCheckerElement has no method ${m.name}()`);
    if (!new RegExp(`^\\s*${m.name}\\(\\)\\s*\\{`, 'm').test(js)) out.push(`www/${el.module}: the element class has no method ${m.name}()`);
  }
  return out;
}

const el = JSON.parse(await read('types/element.json'));
if (process.argv.includes('--write')) {
  await writeFile(OUT, `${JSON.stringify(manifest(el), null, 2)}\n`);
  console.log(`manifest: wrote ${OUT}`);
}
const found = await problems(el, await readFile(OUT, 'utf8').catch(() => ''));
for (const p of found) console.error(`manifest: FAIL ${p}`);
console.log(`manifest: ${found.length ? 0 : 1} passed, ${found.length ? 1 : 0} failed (${el.attributes.length} attributes, ${el.properties.length} properties, ${el.methods.length} method(s), 1 event, ${el.cssProperties.length} CSS properties, ${el.parts.length} parts)`);
process.exit(found.length ? 1 : 0);
