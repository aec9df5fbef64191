// Placeholder until the catalog data lands (issue 3): an empty catalog that knows no code.
import { Catalog } from './types';

export function loadCatalog(): Catalog {
  return { lookup: () => undefined, hasChildrenListed: () => false, entries: () => [] };
}
