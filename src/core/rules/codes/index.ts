import { Rule } from '../rule';

export const rules: Rule[] = [];
