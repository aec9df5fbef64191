/** Classification-code rules (DOMAIN.md §2): format, catalog membership, names, hierarchy, economic-class use. */
import { Rule } from '../../context';
import { codeBasicEconomic } from './basic-economic';
import { codeDuplicate } from './duplicate';
import { codeFormat } from './format';
import { codeHierarchy } from './hierarchy';
import { codeName } from './name';
import { codeOtherShare } from './other-share';
import { codeProjectWages } from './project-wages';
import { codeUnknown } from './unknown';

export const rules: Rule[] = [
  codeFormat,
  codeUnknown,
  codeDuplicate,
  codeName,
  codeHierarchy,
  codeBasicEconomic,
  codeProjectWages,
  codeOtherShare,
];
