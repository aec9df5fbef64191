import { Rule } from '../rule';
import { errorValue, noCachedValue } from './cell-values';

export const rules: Rule[] = [errorValue, noCachedValue];
