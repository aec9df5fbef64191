/** 绩效目标表 and 绩效自评表 rules (DOMAIN.md §4–5), in review order. */
import { Rule } from '../../context';
import { duplicateIndicator } from './duplicate-indicator';
import { repeatedName } from './indicator-name-repeated';
import { wrongLevel1 } from './indicator-wrong-level';
import { selfEvalDeviationReason } from './self-eval-deviation-reason';
import { selfEvalExecutionRate } from './self-eval-execution-rate';
import { selfEvalGradeMismatch } from './self-eval-grade-mismatch';
import { selfEvalScoreMismatch } from './self-eval-score-mismatch';
import { selfEvalScoreNotNumber } from './self-eval-score-not-number';
import { selfEvalScoreOverWeight } from './self-eval-score-over-weight';
import { selfEvalSubtotalMismatch } from './self-eval-subtotal-mismatch';
import { selfEvalTotalMismatch } from './self-eval-total-mismatch';
import { selfEvalUnfilled } from './self-eval-unfilled';
import { selfEvalWeights } from './self-eval-weights';
import { amountParts } from './target-amount-parts';
import { costOverAmount } from './target-cost-over-amount';
import { emptyTarget } from './target-empty';
import { fiscalOverTotal } from './target-fiscal-over-total';
import { missingCategory } from './target-missing-category';
import { missingSatisfaction } from './target-missing-satisfaction';
import { noUnit } from './target-no-unit';
import { operatorContradiction } from './target-operator-contradiction';
import { rateOver100 } from './target-rate-over-100';
import { vagueTimeliness } from './target-vague-timeliness';
import { weightSums } from './target-weights';
import { yearOverTotal } from './target-year-over-total';

export const rules: Rule[] = [
  missingCategory,
  missingSatisfaction,
  emptyTarget,
  noUnit,
  vagueTimeliness,
  rateOver100,
  operatorContradiction,
  duplicateIndicator,
  repeatedName,
  wrongLevel1,
  weightSums,
  yearOverTotal,
  fiscalOverTotal,
  amountParts,
  costOverAmount,
  selfEvalExecutionRate,
  selfEvalScoreOverWeight,
  selfEvalScoreMismatch,
  selfEvalScoreNotNumber,
  selfEvalSubtotalMismatch,
  selfEvalTotalMismatch,
  selfEvalGradeMismatch,
  selfEvalDeviationReason,
  selfEvalWeights,
  selfEvalUnfilled,
];
