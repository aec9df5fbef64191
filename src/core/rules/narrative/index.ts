/** Narrative and cross-document rules (DOMAIN.md §3): the 说明 against the tables, itemised lists, forms vs 项目支出. */
import { Rule } from '../../context';
import { narrativeAmount } from './amount';
import { narrativeChange } from './change';
import { narrativeItemisedSum } from './itemised-sum';
import { narrativeProjectFormsTotal } from './project-forms-total';
import { narrativeShare } from './share';
import { narrativeYear } from './year';

export const rules: Rule[] = [
  narrativeAmount,
  narrativeShare,
  narrativeChange,
  narrativeItemisedSum,
  narrativeYear,
  narrativeProjectFormsTotal,
];
