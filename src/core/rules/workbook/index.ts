import { Rule } from '../../context';
import { errorValue } from './error-value';
import { noCachedValue } from './no-cached-value';

export const rules: Rule[] = [errorValue, noCachedValue];
