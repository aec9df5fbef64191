/** Classification catalog contract (政府收支分类科目). Data lives in catalog/data/*.json with edition and source. */

export type CatalogScheme = 'functional' | 'economic-dept' | 'economic-gov';

/** An earlier or variant name a code is printed under. */
export interface CatalogAlias {
  name: string;
  /** Last edition (year) known to print this name, when it is an older official name. */
  edition?: string;
  /** Why the alias is accepted when it is not an edition name (a common short form…). */
  note?: string;
}

export interface CatalogEntry {
  scheme: CatalogScheme;
  code: string;
  name: string;
  /** 1 = 类, 2 = 款, 3 = 项 (functional) or a local 7-digit subdivision of an economic 款. */
  level: 1 | 2 | 3;
  /** Edition (year) of the published catalog this entry follows, e.g. '2025'. */
  edition: string;
  /** Short source reference (document name / number). */
  source: string;
  /** Older / variant names accepted for this code. */
  aliases?: CatalogAlias[];
  /** The code is no longer in the current edition (kept so that older tables are not flagged). */
  retired?: boolean;
  /** Last edition known to list a retired code. */
  until?: string;
  /** First edition that lists the code. */
  since?: string;
  /**
   * The code is confirmed for the edition but its name is not (remembered only as the 款's topic): any printed
   * name is accepted, and the entry's `name` is a description, not a name to compare with.
   */
  nameUnconfirmed?: boolean;
  /** A local subdivision (地方细化科目) used by this region, not part of the national catalog. */
  region?: string;
}

/** Edition, source and notes of one scheme's data file. */
export interface CatalogMeta {
  scheme: CatalogScheme;
  edition: string;
  source: string;
  notes: string;
}

export interface Catalog {
  lookup(scheme: CatalogScheme, code: string): CatalogEntry | undefined;
  /** True when the catalog lists the children of this code (so an unknown child is suspicious). */
  hasChildrenListed(scheme: CatalogScheme, code: string): boolean;
  entries(scheme: CatalogScheme): CatalogEntry[];
  /** Edition and source of the scheme's data (for messages). */
  meta(scheme: CatalogScheme): CatalogMeta;
}
