/**
 * Checks of 项目支出绩效目标表 forms (DOMAIN.md §4). Warnings unless an arithmetic identity fails
 * (财政拨款 > 年度资金总额, 资金总额 ≠ 财政拨款 + 其他资金: errors).
 */
import { toA1 } from '../../model/address';
import { CellRef, Finding, Level } from '../../model/findings';
import { compareAmounts, formatAmount } from '../../model/numbers';
import { isNotApplicableName, parseValue, unitFromName } from '../../performance/target';
import { CellPos, Indicator, TargetForm } from '../../performance/types';
import type { ReviewContext } from '../../review';
import { Rule } from '../rule';

const at = (f: TargetForm, p: CellPos | undefined): CellRef[] =>
  p ? [{ sheet: f.sheet, cell: toA1(p.row, p.col) }] : [];

/** Where a form-level finding shows: the project name, else the first indicator. */
function formCell(f: TargetForm): CellRef[] {
  return at(f, f.projectNameCell ?? f.indicators[0]?.nameCell ?? { row: f.range.top, col: f.range.left });
}

function label(f: TargetForm): string {
  return f.projectName || `${f.sheet}!${toA1(f.range.top, f.range.left)}`;
}

/** Indicators a reviewer reads: named, not 无/不适用. */
function real(f: TargetForm): Indicator[] {
  return f.indicators.filter((i) => !i.notApplicable && i.name !== '' && !isNotApplicableName(i.name));
}

function finding(
  rule: string,
  level: Level,
  locations: CellRef[],
  zh: string,
  en: string,
  extra: Partial<Finding> = {},
): Finding {
  return { rule, level, message: { zh, en }, locations, ...extra };
}

function forEachForm(ctx: ReviewContext, fn: (f: TargetForm) => Finding[]): Finding[] {
  return ctx.targetForms.flatMap(fn);
}

// ---- coverage of the 二级 categories ----

const CATEGORIES: { key: string; en: string; test: (i: { level1: string; level2: string }) => boolean }[] = [
  { key: '数量', en: 'quantity', test: (i) => /数量/.test(i.level2) },
  { key: '质量', en: 'quality', test: (i) => /质量/.test(i.level2) },
  { key: '时效', en: 'timeliness', test: (i) => /时效/.test(i.level2) },
  { key: '成本', en: 'cost', test: (i) => /成本/.test(i.level2) || /^成本/.test(i.level1) },
  { key: '社会效益', en: 'social benefit', test: (i) => /社会效益/.test(i.level2) },
];

export const missingCategory: Rule = {
  id: 'performance/target-missing-category',
  level: 'warning',
  title: {
    zh: '绩效目标缺少数量、质量、时效、成本或社会效益指标',
    en: 'Targets lack a quantity, quality, timeliness, cost or social-benefit indicator',
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (!f.hasLevel2) return [];
      const out: Finding[] = [];
      for (const c of CATEGORIES) {
        if (real(f).some(c.test)) continue;
        const empty = f.emptyCategories.find(c.test);
        out.push(
          finding(
            'performance/target-missing-category',
            'warning',
            empty ? at(f, empty.cell) : formCell(f),
            `“${label(f)}”没有${c.key}指标（三级指标为空）`,
            `"${label(f)}" has no ${c.en} indicator (no third-level indicator under "${c.key}")`,
          ),
        );
      }
      return out;
    }),
};

const isSatisfaction = (i: Indicator) =>
  /满意/.test(i.level1) || /满意/.test(i.level2) || /满意/.test(i.name);

export const missingSatisfaction: Rule = {
  id: 'performance/target-missing-satisfaction',
  level: 'info',
  title: { zh: '绩效目标没有满意度指标', en: 'Targets have no satisfaction indicator' },
  check: (ctx) => {
    const mode = ctx.settings.scoring.satisfactionIndicator ?? 'info';
    if (mode === 'off') return [];
    return forEachForm(ctx, (f) =>
      real(f).some(isSatisfaction)
        ? []
        : [
            finding(
              'performance/target-missing-satisfaction',
              mode,
              at(f, f.emptyCategories.find((e) => /满意/.test(e.level2))?.cell).concat(
                f.emptyCategories.some((e) => /满意/.test(e.level2)) ? [] : formCell(f),
              ),
              `“${label(f)}”没有满意度指标（公共服务类项目应设服务对象满意度）`,
              `"${label(f)}" has no satisfaction indicator (public-service projects should have one)`,
            ),
          ],
    );
  },
};

// ---- the 指标值 itself ----

export const emptyTarget: Rule = {
  id: 'performance/target-empty',
  level: 'warning',
  title: { zh: '指标值为空', en: 'Empty target value' },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f)
        .filter((i) => i.target.trim() === '')
        .map((i) =>
          finding(
            'performance/target-empty',
            'warning',
            at(f, i.targetCell ?? i.nameCell),
            `“${label(f)}”的指标“${i.name}”没有指标值`,
            `indicator "${i.name}" of "${label(f)}" has no target value`,
          ),
        ),
    ),
};

export const noUnit: Rule = {
  id: 'performance/target-no-unit',
  level: 'warning',
  title: { zh: '指标值只有数字，没有计量单位', en: 'Target is a bare number without a unit' },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const v = parseValue(i.target);
        if (v.kind !== 'number' || v.unit || v.value === 0 || unitFromName(i.name)) return [];
        const bare = !v.operator;
        return [
          finding(
            'performance/target-no-unit',
            'warning',
            at(f, i.targetCell ?? i.nameCell),
            bare
              ? `指标“${i.name}”的指标值“${i.target}”只有数字，既无计量单位也无比较符号（≥、≤、=）`
              : `指标“${i.name}”的指标值“${i.target}”没有计量单位`,
            bare
              ? `target "${i.target}" of "${i.name}" is a bare number: no unit and no operator (≥, ≤, =)`
              : `target "${i.target}" of "${i.name}" has no unit`,
            { actual: i.target },
          ),
        ];
      }),
    ),
};

const VAGUE_TIME = /及时|按时|准时|按期|尽快|适时/;

export const vagueTimeliness: Rule = {
  id: 'performance/target-vague-timeliness',
  level: 'warning',
  title: {
    zh: '时效指标的指标值不可衡量（如“及时”）',
    en: 'Timeliness target is not measurable (e.g. 及时)',
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f)
        .filter(
          (i) =>
            /时效/.test(i.level2) && parseValue(i.target).kind === 'qualitative' && VAGUE_TIME.test(i.target),
        )
        .map((i) =>
          finding(
            'performance/target-vague-timeliness',
            'warning',
            at(f, i.targetCell ?? i.nameCell),
            `时效指标“${i.name}”的指标值“${i.target}”不可衡量，应写明完成时限（如“≤2025年10月”“10月底前”“≤24小时”）`,
            `timeliness target "${i.target}" of "${i.name}" is not measurable; state a deadline (e.g. "≤2025年10月", "10月底前", "≤24小时")`,
            { actual: i.target },
          ),
        ),
    ),
};

/** Rates bounded by 100 %: 合格率, 满意度, 完成率… but not growth rates or ratios. */
const BOUNDED_RATE = /(率|满意度)$/;
const UNBOUNDED_RATE = /增长|增速|增幅|涨幅|涨跌|提升率|提高率|比值|比率|比例|倍/;

export const rateOver100: Rule = {
  id: 'performance/target-rate-over-100',
  level: 'warning',
  title: { zh: '比率类指标值超过 100%', en: 'A rate target above 100%' },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const v = parseValue(i.target);
        const name = i.name.replace(/[（(][^）)]*[)）]$/, '');
        if (v.kind !== 'number' || v.unit?.family !== 'percent' || v.value * v.unit.factor <= 100) return [];
        if (!BOUNDED_RATE.test(name) || UNBOUNDED_RATE.test(name)) return [];
        return [
          finding(
            'performance/target-rate-over-100',
            'warning',
            at(f, i.targetCell ?? i.nameCell),
            `指标“${i.name}”的指标值“${i.target}”超过 100%`,
            `target "${i.target}" of "${i.name}" is above 100%`,
            { actual: i.target, expected: '≤100%' },
          ),
        ];
      }),
    ),
};

/** Rates where more is better: a ≤ or < contradicts them. */
const POSITIVE_RATE =
  /(合格|满意|完成|达标|覆盖|及时|准确|到位|受理|办结|化解|通过|出勤|参与|知晓|正常|可用|联网|验收|解决|答复|采纳|整改|办理|公开|上牌|成功|发放|精准|达成|利用|普及|入学|就业)率$|满意度$/;
/** Rates where less is better: a ≥ or > contradicts them. */
const NEGATIVE_RATE =
  /(投诉|事故|发生|故障|差错|逾期|失误|违规|违法|误报|流失|空置|返工|漏报|复发|超支|失败|退回|死亡|伤亡|发案|案发)率$/;

export const operatorContradiction: Rule = {
  id: 'performance/target-operator-contradiction',
  level: 'warning',
  title: {
    zh: '比较符号与指标方向矛盾（如合格率“≤”）',
    en: 'Operator contradicts the indicator (e.g. a pass rate with ≤)',
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const v = parseValue(i.target);
        if (v.kind !== 'number' || !v.operator) return [];
        const name = i.name.replace(/[（(][^）)]*[)）]$/, '').trim();
        const upper = v.operator === '≤' || v.operator === '<';
        const lower = v.operator === '≥' || v.operator === '>';
        const wrong =
          (upper && POSITIVE_RATE.test(name)) || (lower && v.value > 0 && NEGATIVE_RATE.test(name));
        if (!wrong) return [];
        return [
          finding(
            'performance/target-operator-contradiction',
            'warning',
            at(f, i.targetCell ?? i.nameCell),
            upper
              ? `指标“${i.name}”越高越好，指标值却写作“${i.target}”（应为“≥”）`
              : `指标“${i.name}”越低越好，指标值却写作“${i.target}”（应为“≤”）`,
            upper
              ? `"${i.name}" is better when higher, yet the target reads "${i.target}" (expected ≥)`
              : `"${i.name}" is better when lower, yet the target reads "${i.target}" (expected ≤)`,
            { actual: i.target },
          ),
        ];
      }),
    ),
};

// ---- names ----

const nameKey = (n: string) => n.replace(/[\s\u3000，,。.、；;：:（）()“”"'‘’]/g, '');

export const duplicateIndicator: Rule = {
  id: 'performance/duplicate-indicator',
  level: 'warning',
  title: { zh: '同一项目内指标名称重复', en: 'Duplicate indicator names in one form' },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      const seen = new Map<string, Indicator>();
      const out: Finding[] = [];
      for (const i of real(f)) {
        const k = nameKey(i.name);
        const first = seen.get(k);
        if (!first) {
          seen.set(k, i);
          continue;
        }
        out.push(
          finding(
            'performance/duplicate-indicator',
            'warning',
            [...at(f, i.nameCell), ...at(f, first.nameCell)],
            `“${label(f)}”中指标“${i.name}”重复出现（另见 ${toA1(first.nameCell.row, first.nameCell.col)}）`,
            `indicator "${i.name}" appears twice in "${label(f)}" (also at ${toA1(first.nameCell.row, first.nameCell.col)})`,
          ),
        );
      }
      return out;
    }),
};

export const repeatedName: Rule = {
  id: 'performance/indicator-name-repeated',
  level: 'warning',
  title: {
    zh: '指标名称中有重复的文字（如“交通标志牌交通标志牌”）',
    en: 'Indicator name repeats itself (e.g. 交通标志牌交通标志牌)',
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const m = /(\p{Script=Han}{3,})\1/u.exec(nameKey(i.name));
        if (!m) return [];
        return [
          finding(
            'performance/indicator-name-repeated',
            'warning',
            at(f, i.nameCell),
            `指标名称“${i.name}”中“${m[1]}”重复了两次`,
            `indicator name "${i.name}" repeats "${m[1]}"`,
            { actual: i.name },
          ),
        ];
      }),
    ),
};

export const wrongLevel1: Rule = {
  id: 'performance/indicator-wrong-level',
  level: 'warning',
  title: {
    zh: '指标归错一级指标（如满意度放在影响力目标下）',
    en: 'Indicator filed under the wrong first-level heading',
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const satisfactionIndicator = /满意/.test(i.level2) || /满意/.test(i.name);
        if (satisfactionIndicator && /影响|效益/.test(i.level1) && !/满意/.test(i.level1)) {
          return [
            finding(
              'performance/indicator-wrong-level',
              'warning',
              at(f, i.level1Cell ?? i.nameCell).concat(at(f, i.nameCell)),
              `满意度指标“${i.name}”放在了一级指标“${i.level1}”下`,
              `satisfaction indicator "${i.name}" is filed under "${i.level1}"`,
            ),
          ];
        }
        if ((/满意/.test(i.level1) || /满意/.test(i.level2)) && !/满意/.test(i.name)) {
          return [
            finding(
              'performance/indicator-wrong-level',
              'warning',
              at(f, i.nameCell),
              `“${i.name}”不是满意度指标，却放在“${i.level2 || i.level1}”下`,
              `"${i.name}" is not a satisfaction indicator but is filed under "${i.level2 || i.level1}"`,
            ),
          ];
        }
        return [];
      }),
    ),
};

// ---- weights ----

const cents = (n: number) => Math.round(n * 100);

export const weightSums: Rule = {
  id: 'performance/target-weights',
  level: 'warning',
  title: { zh: '指标权重（分值）合计不符', en: 'Indicator weights do not add up' },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      const weighted = f.indicators.filter((i) => i.weight !== undefined);
      if (weighted.length === 0) return [];
      const out: Finding[] = [];
      for (const i of real(f).filter((x) => x.weight === undefined)) {
        out.push(
          finding(
            'performance/target-weights',
            'warning',
            at(f, i.weightCell ?? i.nameCell),
            `指标“${i.name}”没有权重`,
            `indicator "${i.name}" has no weight`,
          ),
        );
      }
      for (const p of f.level1Points ?? []) {
        const sum =
          f.indicators.filter((i) => i.level1 === p.level1).reduce((s, i) => s + cents(i.weight ?? 0), 0) /
          100;
        if (cents(sum) !== cents(p.points))
          out.push(
            finding(
              'performance/target-weights',
              'warning',
              at(f, p.cell),
              `“${p.level1}”标明 ${p.points} 分，其下指标权重合计 ${sum}`,
              `"${p.level1}" states ${p.points} points but its indicators' weights add up to ${sum}`,
              { expected: p.points, actual: sum },
            ),
          );
      }
      const expected =
        f.weightsStated?.points ?? (f.executionPoints !== undefined ? 100 - f.executionPoints : 100);
      const sum = weighted.reduce((s, i) => s + cents(i.weight as number), 0) / 100;
      if (cents(sum) !== cents(expected)) {
        out.push(
          finding(
            'performance/target-weights',
            'warning',
            f.weightsStated ? at(f, f.weightsStated.cell) : at(f, weighted[0].weightCell),
            `“${label(f)}”的指标权重合计 ${sum}，应为 ${expected}`,
            `the weights of "${label(f)}" add up to ${sum}, expected ${expected}`,
            { expected, actual: sum },
          ),
        );
      }
      return out;
    }),
};

// ---- amounts ----

function dec(f: TargetForm): number {
  return Math.max(f.decimals, 2);
}

export const yearOverTotal: Rule = {
  id: 'performance/target-year-over-total',
  level: 'warning',
  title: { zh: '项目本年度金额大于项目总金额', en: 'This year’s amount exceeds the project total' },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined || f.projectTotal === undefined) return [];
      if (compareAmounts(f.projectTotal, f.total, dec(f)) !== 'mismatch' || f.total < f.projectTotal)
        return [];
      return [
        finding(
          'performance/target-year-over-total',
          'warning',
          [...at(f, f.totalCell), ...at(f, f.projectTotalCell)],
          `“${label(f)}”本年度金额 ${formatAmount(f.total, dec(f))} 大于项目总金额 ${formatAmount(f.projectTotal, dec(f))}`,
          `"${label(f)}": this year's amount ${formatAmount(f.total, dec(f))} exceeds the project total ${formatAmount(f.projectTotal, dec(f))}`,
          { expected: `≤${f.projectTotal}`, actual: f.total },
        ),
      ];
    }),
};

export const fiscalOverTotal: Rule = {
  id: 'performance/target-fiscal-over-total',
  level: 'error',
  title: { zh: '财政拨款大于年度资金总额', en: 'Fiscal grant exceeds the annual total' },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined || f.fiscal === undefined) return [];
      if (f.fiscal <= f.total || compareAmounts(f.total, f.fiscal, dec(f)) === 'equal') return [];
      return [
        finding(
          'performance/target-fiscal-over-total',
          'error',
          [...at(f, f.fiscalCell), ...at(f, f.totalCell)],
          `“${label(f)}”财政拨款 ${formatAmount(f.fiscal, dec(f))} 大于年度资金总额 ${formatAmount(f.total, dec(f))}`,
          `"${label(f)}": fiscal grant ${formatAmount(f.fiscal, dec(f))} exceeds the annual total ${formatAmount(f.total, dec(f))}`,
          { expected: `≤${f.total}`, actual: f.fiscal },
        ),
      ];
    }),
};

export const amountParts: Rule = {
  id: 'performance/target-amount-parts',
  level: 'error',
  title: { zh: '资金总额 ≠ 财政拨款 + 其他资金', en: 'Total ≠ fiscal grant + other funds' },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined || f.fiscal === undefined || f.other === undefined) return [];
      const expected =
        (Math.round(f.fiscal * 10 ** dec(f)) + Math.round(f.other * 10 ** dec(f))) / 10 ** dec(f);
      const agreement = compareAmounts(expected, f.total, dec(f), 2);
      if (agreement === 'equal') return [];
      const rounding = agreement === 'rounding';
      return [
        finding(
          rounding ? 'performance/target-amount-parts-rounding' : 'performance/target-amount-parts',
          rounding ? 'info' : 'error',
          [...at(f, f.totalCell), ...at(f, f.fiscalCell), ...at(f, f.otherCell)],
          `“${label(f)}”资金总额 ${formatAmount(f.total, dec(f))} ≠ 财政拨款 ${formatAmount(f.fiscal, dec(f))} + 其他资金 ${formatAmount(f.other, dec(f))} = ${formatAmount(expected, dec(f))}${rounding ? '（尾差）' : ''}`,
          `"${label(f)}": total ${formatAmount(f.total, dec(f))} ≠ fiscal ${formatAmount(f.fiscal, dec(f))} + other ${formatAmount(f.other, dec(f))} = ${formatAmount(expected, dec(f))}${rounding ? ' (rounding)' : ''}`,
          { expected, actual: f.total },
        ),
      ];
    }),
};

export const costOverAmount: Rule = {
  id: 'performance/target-cost-over-amount',
  level: 'warning',
  title: { zh: '成本指标金额大于项目金额', en: 'A cost target exceeds the project amount' },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined) return [];
      const amount = f.total;
      const factor = f.unit === '万元' ? 10000 : 1;
      return real(f).flatMap((i) => {
        if (!/成本/.test(i.level2) && !/^成本/.test(i.level1)) return [];
        const v = parseValue(i.target);
        if (v.kind !== 'number') return [];
        const unit = v.unit ?? unitFromName(i.name) ?? undefined;
        if (!unit || unit.family !== 'money') return [];
        const inFormUnit = (v.value * unit.factor) / factor;
        if (compareAmounts(amount, inFormUnit, dec(f)) !== 'mismatch' || inFormUnit < amount) return [];
        return [
          finding(
            'performance/target-cost-over-amount',
            'warning',
            [...at(f, i.targetCell ?? i.nameCell), ...at(f, f.totalCell)],
            `成本指标“${i.name}”的指标值“${i.target}”大于项目资金 ${formatAmount(amount, dec(f))}${f.unit}`,
            `cost target "${i.target}" of "${i.name}" exceeds the project amount ${formatAmount(amount, dec(f))} ${f.unit}`,
            { expected: `≤${amount}${f.unit}`, actual: i.target },
          ),
        ];
      });
    }),
};

export const targetRules: Rule[] = [
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
];
