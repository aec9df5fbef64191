/**
 * Strict check of a part Gouji is about to write: saxes (a namespace-aware, conformant XML parser) must parse
 * it with no error — well-formed, every element and attribute prefix bound — and every prefix named in an
 * mc:Ignorable attribute must be bound where it is named (Excel rejects the file otherwise).
 */
import { SaxesParser } from 'saxes';

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The first problem of an XML document, or undefined when it is well-formed and namespace-valid. */
export function xmlProblem(xml: string): string | undefined {
  let problem: string | undefined;
  let root = false;
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => {
    problem ??= e.message;
  });
  p.on('opentag', (t) => {
    root = true;
    for (const a of Object.values(t.attributes)) {
      if (a.local !== 'Ignorable' || a.uri !== MC_NS) continue;
      for (const prefix of a.value.split(/\s+/))
        if (prefix && !p.resolve(prefix)) problem ??= `mc:Ignorable names unbound prefix "${prefix}"`;
    }
  });
  try {
    p.write(xml).close();
  } catch (e) {
    problem ??= (e as Error).message;
  }
  return problem ?? (root ? undefined : 'no root element');
}
