/**
 * Strict checks of an OPC package for the conformance suite: every XML part parses with a namespace-aware
 * parser (saxes, xmlns on: an unbound element or attribute prefix is an error), every prefix named in
 * mc:Ignorable is bound where it is named, and [Content_Types].xml is a <Types> document that gives every
 * part a content type and names no missing part.
 */
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Problems of one XML document ([] when it is well-formed and namespace-valid). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => problems.push(e.message));
  p.on('opentag', (t) => {
    for (const a of Object.values(t.attributes)) {
      if (a.local !== 'Ignorable' || a.uri !== MC_NS) continue;
      for (const prefix of a.value.split(/\s+/).filter(Boolean))
        if (!p.resolve(prefix)) problems.push(`mc:Ignorable names unbound prefix ${prefix} on <${t.name}>`);
    }
  });
  let root = false;
  p.on('opentag', () => (root = true));
  try {
    p.write(xml).close();
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (!root && problems.length === 0) problems.push('no root element');
  return problems;
}

const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** Problems of a whole package, each prefixed by the part name. */
export function packageProblems(bytes: Uint8Array): string[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return [`zip: ${(e as Error).message}`];
  }
  const out: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!isXml(name) || name.endsWith('/')) continue;
    for (const m of xmlProblems(strFromU8(data))) out.push(`${name}: ${m}`);
  }
  const ct = files['[Content_Types].xml'];
  if (!ct) return [...out, '[Content_Types].xml missing'];
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const p = new SaxesParser({ xmlns: true });
  let rootOk = false;
  p.on('opentag', (t) => {
    if (t.uri !== CT_NS) return;
    if (t.local === 'Types') rootOk = true;
    const a = (k: string) => t.attributes[k]?.value ?? '';
    if (t.local === 'Default') defaults.set(a('Extension').toLowerCase(), a('ContentType'));
    if (t.local === 'Override') overrides.set(a('PartName').toLowerCase(), a('ContentType'));
  });
  p.on('error', () => undefined);
  try {
    p.write(strFromU8(ct)).close();
  } catch {
    /* reported above */
  }
  if (!rootOk) out.push('[Content_Types].xml: no <Types> root in the content-types namespace');
  const lower = new Set(Object.keys(files).map((n) => `/${n.toLowerCase()}`));
  for (const name of Object.keys(files)) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(`/${name.toLowerCase()}`) && !defaults.has(ext))
      out.push(`[Content_Types].xml: no content type for ${name}`);
  }
  for (const part of overrides.keys())
    if (!lower.has(part)) out.push(`[Content_Types].xml: Override for missing part ${part}`);
  return out;
}
