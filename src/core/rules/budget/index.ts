import { Rule } from '../../context';
import { balance } from './balance';
import { basicLinks } from './basic-links';
import { carryOver } from './carry-over';
import { columnSum } from './column-sum';
import { emptyTable } from './empty-table';
import { fiscalGrantLinks } from './fiscal-grant-links';
import { hierarchy } from './hierarchy';
import { personnelCodes } from './personnel-codes';
import { summaryLinks } from './summary-links';
import { threePublicEconomic } from './three-public-economic';

/** Budget-table rules (issue 3): within a table (决算 tables too), across tables, and two warnings. */
export const rules: Rule[] = [
  columnSum,
  hierarchy,
  balance,
  carryOver,
  fiscalGrantLinks,
  basicLinks,
  summaryLinks,
  threePublicEconomic,
  personnelCodes,
  emptyTable,
];
