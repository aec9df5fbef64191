/** Classification catalog contract (政府收支分类科目). Data lives in catalog/data/*.json with edition and source. */

export type CatalogScheme = 'functional' | 'economic-dept' | 'economic-gov';

export interface CatalogEntry {
  scheme: CatalogScheme;
  code: string;
  name: string;
  /** 1 = 类, 2 = 款, 3 = 项 (functional only). */
  level: 1 | 2 | 3;
  /** Edition (year) of the published catalog this entry follows, e.g. '2025'. */
  edition: string;
  /** Short source reference (document name / number). */
  source: string;
}

export interface Catalog {
  lookup(scheme: CatalogScheme, code: string): CatalogEntry | undefined;
  /** True when the catalog lists the children of this code (so an unknown child is suspicious). */
  hasChildrenListed(scheme: CatalogScheme, code: string): boolean;
  entries(scheme: CatalogScheme): CatalogEntry[];
}
