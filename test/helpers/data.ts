/** Where the tests' copies of the shared documents live (see test/data/README.md). */
import { join } from 'path';

export const DATA = join(__dirname, '..', 'data');
export const REAL_BUDGETS = join(DATA, 'real-budgets');
export const REAL_NARRATIVES = join(DATA, 'real-narratives');
export const SEEDS = join(DATA, 'seeds');
