import { Rule } from '../rule';
import { balance } from './balance';
import { columnSum } from './column-sum';
import { hierarchy } from './hierarchy';

export const rules: Rule[] = [columnSum, hierarchy, balance];
