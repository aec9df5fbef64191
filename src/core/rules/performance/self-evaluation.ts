import { Rule } from '../rule';

export const selfEvaluationRules: Rule[] = [];
