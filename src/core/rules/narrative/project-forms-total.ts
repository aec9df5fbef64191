/**
 * narrative/project-forms-total (cross-document): Σ of the 项目支出绩效目标表 amounts = the 一般公共预算支出表
 * 项目支出 合计 (+ the 政府性基金预算支出表 项目支出 when fund projects have forms) — DOMAIN.md §3.
 *
 * Departments often publish forms for some projects only (the real 2026 workbooks: 烟台 3, 西安 4, 福州 8…), so a sum
 * below 项目支出 is info ("only some projects disclosed"); a sum above it cannot come from a partial set and is a
 * warning. Equal to the 支出总表 项目支出 (all funds) is accepted too.
 * A form's amount is always its 年度资金总额 / 项目本年度金额 (its 财政拨款 only where it prints no total): the same amount
 * against every table, never whichever of two amounts happens to fit. A form stating money other than 财政拨款
 * (其他资金, 上年结转) is not a part of the 一般公共预算 项目支出: the forms are then compared with the 支出总表 only.
 */
import { CellRef } from '../../model/findings';
import { convertMoney, toScaled, valueDecimals } from '../../model/numbers';
import { toA1 } from '../../model/address';
import { TargetForm } from '../../performance/types';
import { defineRule, tolerance } from '../../context';
import { amt, uniqueRefs, unitShift } from '../../narrative/compare';
import { tablesOf, TableValue, totalOf } from '../../narrative/lookup';

interface FormAmount {
  form: TargetForm;
  /** 年度资金总额 (财政拨款 when the form prints no total). */
  total: number;
  /** The form states money that is not 财政拨款 (其他资金 or 上年结转 above zero). */
  otherFunds: boolean;
  cell: CellRef;
}

function formAmounts(forms: TargetForm[]): FormAmount[] {
  const out: FormAmount[] = [];
  for (const f of forms) {
    const total = f.total ?? f.fiscal;
    if (total === undefined) continue;
    const pos = (f.total !== undefined ? f.totalCell : f.fiscalCell) ?? {
      row: f.range.top,
      col: f.range.left,
    };
    const otherFunds = (f.other ?? 0) > 0 || (f.carry ?? 0) > 0;
    out.push({ form: f, total, otherFunds, cell: { sheet: f.sheet, cell: toA1(pos.row, pos.col) } });
  }
  return out;
}

function describe(against: TableValue[]): { zh: string; en: string } {
  if (against.length > 1)
    return {
      zh: '一般公共预算与政府性基金预算项目支出合计',
      en: 'the general-budget and fund project expenditure',
    };
  return { zh: `${against[0].where.zh}`, en: against[0].where.en };
}

export const narrativeProjectFormsTotal = defineRule({
  meta: {
    id: 'narrative/project-forms-total',
    group: 'narrative',
    title: {
      zh: '绩效目标表金额合计与项目支出一致',
      en: 'Performance target forms add up to the project expenditure',
    },
    messages: {
      over: {
        level: 'warning',
        zh: '绩效目标表金额合计超过项目支出合计，请核对各表金额',
        en: 'the performance target forms add up to more than the project expenditure; check their amounts',
      },
      partial: {
        level: 'info',
        zh: '绩效目标表金额合计与项目支出合计不等：可能只公开了部分项目的绩效目标',
        en: 'the performance target forms do not add up to the project expenditure: perhaps only some are published',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '绩效目标表金额合计与项目支出合计相差尾差',
        en: 'the performance target forms differ from the project expenditure by rounding',
      },
    },
  },
  check(ctx) {
    const forms = formAmounts(ctx.targetForms);
    if (forms.length === 0) return [];
    const t5 = tablesOf(ctx, 'general-budget').find((t) => !t.empty);
    if (!t5) return [];
    const what = { zh: ' 合计 / 项目支出', en: 'total / project expenditure' };
    const project = totalOf(t5, 'project', what);
    if (!project || project === 'ambiguous') return [];
    const unit = t5.unit;
    // compared at the coarser precision: the table's, or the forms' (万元 forms against a 元 table)
    const formDecimals = Math.max(
      ...forms.map(
        (f) =>
          Math.max(valueDecimals(f.total), f.form.unit === '万元' ? 2 : 0) + unitShift(f.form.unit, unit),
      ),
    );
    const p = Math.min(project.decimals, formDecimals);
    const fine = Math.max(project.decimals, formDecimals, 0);
    const allowance = Math.max(1, Math.floor((forms.length + 1) / 2)) + tolerance(ctx);
    const sumOf = (pick: (f: FormAmount) => number) =>
      forms.reduce((a, f) => a + toScaled(convertMoney(pick(f), f.form.unit, unit), fine), 0) / 10 ** fine;
    const sumValue = sumOf((f) => f.total);
    const publicOnly = !forms.some((f) => f.otherFunds);
    const cmp = (sum: number, target: number) => {
      const d = Math.abs(toScaled(sum, p) - toScaled(target, p));
      return d === 0 ? 'equal' : d <= allowance ? 'rounding' : 'mismatch';
    };

    // fund projects may have forms too; the 支出总表 counts all sources (forms' 年度资金总额)
    const fund = tablesOf(ctx, 'gov-fund')
      .filter((t) => !t.empty)
      .map((t) => totalOf(t, 'project', what))
      .find((v): v is TableValue => v !== undefined && v !== 'ambiguous' && v.value > 0);
    const t3 = tablesOf(ctx, 'expenditure')
      .map((t) => totalOf(t, 'project', what))
      .find((v): v is TableValue => v !== undefined && v !== 'ambiguous');
    const fundValue = fund ? convertMoney(fund.value, fund.unit, unit) : 0;
    const candidates: { target: number; sum: number; against: TableValue[] }[] = [];
    if (publicOnly) {
      candidates.push({ target: project.value, sum: sumValue, against: [project] });
      if (fund)
        candidates.push({ target: project.value + fundValue, sum: sumValue, against: [project, fund] });
    }
    if (t3) candidates.push({ target: convertMoney(t3.value, t3.unit, unit), sum: sumValue, against: [t3] });
    if (candidates.length === 0) return [];
    const results = candidates.map((c) => ({ ...c, result: cmp(c.sum, c.target) }));
    if (results.some((r) => r.result === 'equal')) return [];
    const n = forms.length;
    const formCells = forms.map((f) => f.cell);
    const rounding = results.find((r) => r.result === 'rounding');
    if (rounding) {
      const base = describe(rounding.against);
      return [
        {
          messageId: 'rounding' as const,
          message: {
            zh: `${n} 张绩效目标表金额合计 ${amt(rounding.sum, p)} ${unit}，${base.zh} ${amt(rounding.target, p)} ${unit}，相差 ${amt(Math.abs(rounding.sum - rounding.target), p)} ${unit}，属尾差。`,
            en: `The ${n} performance target forms add up to ${amt(rounding.sum, p)} ${unit}; ${base.en} is ${amt(rounding.target, p)} ${unit} — a rounding difference.`,
          },
          locations: uniqueRefs([...rounding.against.map((a) => a.cell), ...formCells]),
          expected: Number(amt(rounding.target, p)),
          actual: Number(amt(rounding.sum, p)),
        },
      ];
    }
    // beyond every reading: above all public-fund project spending cannot be a partial set
    const upper = publicOnly ? results[fund ? 1 : 0] : results[0];
    const over = toScaled(sumValue, p) - toScaled(upper.target, p) > allowance;
    const ref = upper;
    const base = describe(ref.against);
    const sumText = `${amt(sumValue, p)} ${unit}`;
    const targetText = `${amt(ref.target, p)} ${unit}`;
    const diffText = `${amt(Math.abs(sumValue - ref.target), p)} ${unit}`;
    return [
      {
        messageId: over ? ('over' as const) : ('partial' as const),
        message: over
          ? {
              zh: `${n} 张绩效目标表金额合计 ${sumText}，超过${base.zh} ${targetText}（多 ${diffText}），请核对各表金额。`,
              en: `The ${n} performance target forms add up to ${sumText}, more than ${base.en} of ${targetText} (by ${diffText}); please check the forms' amounts.`,
            }
          : {
              zh: `${n} 张绩效目标表金额合计 ${sumText}，与${base.zh} ${targetText} 不等（差 ${diffText}）：可能只公开了部分项目的绩效目标。`,
              en: `The ${n} performance target forms add up to ${sumText}, not ${base.en} of ${targetText} (a difference of ${diffText}): perhaps only some projects' targets are published.`,
            },
        locations: uniqueRefs([...ref.against.map((a) => a.cell), ...formCells]),
        expected: Number(amt(ref.target, p)),
        actual: Number(amt(sumValue, p)),
      },
    ];
  },
});
