/**
 * The classification catalog (政府收支分类科目): 支出功能分类, 部门预算支出经济分类, 政府预算支出经济分类,
 * the 部门 → 政府 mapping and local subdivisions, read from catalog/data/*.json (each with edition, source, notes).
 * No complete machine-readable catalog is public: a well-formed code missing here is a warning, never an error.
 */
import deptToGovData from './data/dept-to-gov.json';
import economicDeptData from './data/economic-dept.json';
import economicGovData from './data/economic-gov.json';
import functionalData from './data/functional.json';
import localData from './data/local.json';
import { Catalog, CatalogAlias, CatalogEntry, CatalogMeta, CatalogScheme } from './types';

export type { Catalog, CatalogAlias, CatalogEntry, CatalogMeta, CatalogScheme } from './types';

interface RawEntry {
  code: string;
  name: string;
  level: number;
  edition?: string;
  aliases?: CatalogAlias[];
  retired?: boolean;
  until?: string;
  since?: string;
  nameUnconfirmed?: boolean;
}

interface RawFile {
  scheme: string;
  edition: string;
  source: string;
  notes: string;
  entries: RawEntry[];
}

interface RawLocalEntry extends RawEntry {
  scheme: string;
  region: string;
}

export interface DeptGovMapping {
  dept: string;
  /** Target for 机关 (行政单位和参照公务员法管理的事业单位). */
  gov: string;
  /** Target for 事业单位 where it differs from `gov`. */
  govInstitution?: string;
}

export const SCHEMES: CatalogScheme[] = ['functional', 'economic-dept', 'economic-gov'];

const FILES: Record<CatalogScheme, RawFile> = {
  functional: functionalData as RawFile,
  'economic-dept': economicDeptData as RawFile,
  'economic-gov': economicGovData as RawFile,
};

function toLevel(n: number): 1 | 2 | 3 {
  if (n === 1 || n === 2 || n === 3) return n;
  throw new Error(`catalog: bad level ${n}`);
}

class DataCatalog implements Catalog {
  private byCode = new Map<CatalogScheme, Map<string, CatalogEntry>>();
  private list = new Map<CatalogScheme, CatalogEntry[]>();
  private withChildren = new Map<CatalogScheme, Set<string>>();
  private metas = new Map<CatalogScheme, CatalogMeta>();

  constructor() {
    for (const scheme of SCHEMES) {
      const file = FILES[scheme];
      this.metas.set(scheme, { scheme, edition: file.edition, source: file.source, notes: file.notes });
      const map = new Map<string, CatalogEntry>();
      const list: CatalogEntry[] = [];
      const parents = new Set<string>();
      for (const raw of file.entries) {
        const e: CatalogEntry = {
          scheme,
          code: raw.code,
          name: raw.name,
          level: toLevel(raw.level),
          edition: raw.edition ?? file.edition,
          source: file.source,
        };
        if (raw.aliases) e.aliases = raw.aliases;
        if (raw.retired) e.retired = true;
        if (raw.until) e.until = raw.until;
        if (raw.since) e.since = raw.since;
        if (raw.nameUnconfirmed) e.nameUnconfirmed = true;
        map.set(e.code, e);
        list.push(e);
        const p = parentCode(e.code);
        if (p) parents.add(p);
      }
      this.byCode.set(scheme, map);
      this.list.set(scheme, list);
      this.withChildren.set(scheme, parents);
    }
    for (const raw of localData.entries as RawLocalEntry[]) {
      const scheme = raw.scheme as CatalogScheme;
      const e: CatalogEntry = {
        scheme,
        code: raw.code,
        name: raw.name,
        level: toLevel(raw.level),
        edition: raw.edition ?? this.metas.get(scheme)!.edition,
        source: `${localData.source} (${raw.region})`,
        region: raw.region,
      };
      this.byCode.get(scheme)!.set(e.code, e);
      this.list.get(scheme)!.push(e);
    }
  }

  lookup(scheme: CatalogScheme, code: string): CatalogEntry | undefined {
    return this.byCode.get(scheme)?.get(code);
  }

  /** National entries only: a local subdivision does not make its 款's children "listed". */
  hasChildrenListed(scheme: CatalogScheme, code: string): boolean {
    return this.withChildren.get(scheme)?.has(code) ?? false;
  }

  entries(scheme: CatalogScheme): CatalogEntry[] {
    return this.list.get(scheme) ?? [];
  }

  meta(scheme: CatalogScheme): CatalogMeta {
    return this.metas.get(scheme)!;
  }
}

let cached: Catalog | undefined;

/** The catalog, built once from the data files. */
export function loadCatalog(): Catalog {
  if (!cached) cached = new DataCatalog();
  return cached;
}

// ---- codes ----

/** The code one level up: '2040201' → '20402' → '204' → undefined. */
export function parentCode(code: string): string | undefined {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return undefined;
}

/** The scheme a code belongs to by its first digit: 2xx 功能分类, 3xx 部门经济分类, 5xx 政府经济分类. */
const SCHEME_BY_FIRST_DIGIT = new Map<string, CatalogScheme>([
  ['2', 'functional'],
  ['3', 'economic-dept'],
  ['5', 'economic-gov'],
]);

export function schemeOf(code: string): CatalogScheme | undefined {
  const scheme = SCHEME_BY_FIRST_DIGIT.get(code[0]);
  if (!scheme) return undefined;
  // digits only (a loop: this runs for every code read)
  for (let i = 1; i < code.length; i++) {
    const ch = code.charCodeAt(i);
    if (ch < 48 || ch > 57) return undefined;
  }
  return scheme;
}

/**
 * Level of a well-formed code in a scheme: 1 = 类 (3 digits), 2 = 款 (5), 3 = 项 (7; for the economic schemes a local
 * subdivision of a 款). Undefined when the code cannot belong to the scheme (wrong first digit or length).
 */
export function codeLevel(scheme: CatalogScheme, code: string): 1 | 2 | 3 | undefined {
  if (schemeOf(code) !== scheme) return undefined;
  if (code.length === 3) return 1;
  if (code.length === 5) return 2;
  if (code.length === 7) return 3;
  return undefined;
}

// ---- names ----

const FULL_TO_HALF: Record<string, string> = {
  '（': '(',
  '）': ')',
  '［': '[',
  '］': ']',
  '｛': '{',
  '｝': '}',
};

/**
 * Name as compared (DOMAIN.md §2): full-width and half-width brackets are the same and spaces do not count.
 * Nothing else is ignored: 支出, 的, quotes and every other character still have to match.
 */
export function normalizeName(s: string): string {
  if (!/[（）［］｛｝\s\u00a0\u3000]/.test(s)) return s;
  return s.replace(/[（）［］｛｝]/g, (c) => FULL_TO_HALF[c]).replace(/[\s\u00a0\u3000]+/g, '');
}

/** unconfirmed: the catalog knows the code but not its name (CatalogEntry.nameUnconfirmed), so any name passes. */
export type NameMatchKind = 'name' | 'alias' | 'qualified' | 'unconfirmed';

export interface NameMatch {
  kind: NameMatchKind;
  /** The catalog name or alias that matched. */
  matched: string;
  /** Edition of the alias, when an older edition's name matched. */
  edition?: string;
}

/**
 * How a printed name matches a catalog entry: its name, an alias (older edition or accepted variant), or its name
 * followed by its parent's name in brackets — '行政运行（公安）' for 2040201 行政运行 under 20402 公安, the way some
 * systems print the many 行政运行 / 事业运行 rows apart. Null when it does not match.
 */
export function matchName(
  printed: string,
  entry: CatalogEntry,
  catalog: Catalog = loadCatalog(),
): NameMatch | null {
  // the printed name as it stands is the catalog's (most rows of a real budget): nothing to normalise
  if (printed === entry.name) return { kind: 'name', matched: entry.name };
  const p = normalizeName(printed);
  if (p === normalizeName(entry.name)) return { kind: 'name', matched: entry.name };
  if (entry.nameUnconfirmed && p !== '') return { kind: 'unconfirmed', matched: printed };
  for (const a of entry.aliases ?? []) {
    if (p === normalizeName(a.name)) return { kind: 'alias', matched: a.name, edition: a.edition };
  }
  const parent = parentCode(entry.code);
  const pe = parent ? catalog.lookup(entry.scheme, parent) : undefined;
  // a qualified name ends in its parent's bracket
  if (pe && p.endsWith(')')) {
    for (const own of [entry.name, ...(entry.aliases ?? []).map((a) => a.name)]) {
      for (const pn of [pe.name, ...(pe.aliases ?? []).map((a) => a.name)]) {
        if (p === normalizeName(`${own}(${pn})`)) return { kind: 'qualified', matched: `${own}（${pn}）` };
      }
    }
  }
  return null;
}

/** The printed name is the entry's name (bracket width and spaces ignored, edition aliases accepted). */
export function sameName(printed: string, entry: CatalogEntry): boolean {
  return matchName(printed, entry) !== null;
}

// ---- 部门 → 政府 经济分类 ----

const MAPPING = new Map<string, DeptGovMapping>(
  (deptToGovData.mapping as DeptGovMapping[]).map((m) => [m.dept, m]),
);

export const DEPT_TO_GOV_META = {
  edition: deptToGovData.edition,
  source: deptToGovData.source,
  notes: deptToGovData.notes,
};

export function deptToGovMappings(): DeptGovMapping[] {
  return [...MAPPING.values()];
}

/**
 * The 政府预算支出经济分类 code a 部门预算支出经济分类 code maps to: a 款 maps to one 政府 款; a 类 maps to the 政府 类 of
 * its 款 when they all share one; a local 7-digit subdivision maps like its 款.
 * `unit`: 'admin' for 机关 (default), 'institution' for 事业单位 (301/302/309/310 map to 505/506 there).
 */
export function mapDeptToGov(code: string, unit: 'admin' | 'institution' = 'admin'): string | undefined {
  const pick = (m: DeptGovMapping) => (unit === 'institution' ? (m.govInstitution ?? m.gov) : m.gov);
  if (code.length === 7) return mapDeptToGov(code.slice(0, 5), unit);
  if (code.length === 5) {
    const m = MAPPING.get(code);
    return m ? pick(m) : undefined;
  }
  if (code.length === 3) {
    const targets = new Set<string>();
    for (const m of MAPPING.values()) {
      if (m.dept.startsWith(code)) targets.add(pick(m).slice(0, 3));
    }
    return targets.size === 1 ? [...targets][0] : undefined;
  }
  return undefined;
}
