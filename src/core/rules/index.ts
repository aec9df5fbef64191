/** Every rule, by group. A new rule is a module plus one line in its group's index. */
import { rules as budget } from './budget';
import { rules as codes } from './codes';
import { rules as narrative } from './narrative';
import { rules as performance } from './performance';
import { Rule } from '../context';
import { rules as workbook } from './workbook';

export const allRules: Rule[] = [...budget, ...codes, ...narrative, ...performance, ...workbook];
