import { Rule } from '../rule';
import { selfEvaluationRules } from './self-evaluation';
import { targetRules } from './targets';

export const rules: Rule[] = [...targetRules, ...selfEvaluationRules];
