/**
 * narrative/itemised-sum: a list of amounts sums to the total it states (DOMAIN.md §3 "Project list: Σ items = the
 * stated project total"), and a written formula (4807.57+430.56+261.91=…, 2450*12*420=1234.80万元) holds.
 *
 * Compared at the finest precision the list prints (prose drops trailing zeros, so "5500 万元" next to 4807.57 is
 * 5500.00): equal → nothing; within the rounding of its terms (½ unit of the last digit per term printed at that
 * precision) → info; beyond → error. Falling short of the total is an error only for a list that claims to be
 * whole; a bare "其中" under a total not called 总/合计 is a warning, a list of the main items (主要用于, 含 …) an
 * info. A list of headings whose total Gouji took from the project's 资金安排 section is a warning.
 * Bracketed breakdowns and 其中 lists are read by the statement grammar (narrative/grammar.ts): a list of changes
 * sums with their signs (支出减少 49.81 = 基本支出增加 75.19 + 项目支出减少 125), and a 收/支 total whose numbered
 * lines restate each side is no list.
 */
import { defineRule, Report, tolerance } from '../../context';
import { convertMoney, toScaled } from '../../model/numbers';
import { EquationStatement, ItemisedStatement } from '../../narrative/types';
import { NarrativeDocument } from '../../narrative/document';
import { amt, at, decimalsIn, statementsOf, uniqueRefs } from '../../narrative/compare';
import { breakdownReports, toReport } from '../../narrative/reports';
import { narrativeFacts } from '../../narrative/verify';

type ItemisedMessage = 'mismatch' | 'rounding' | 'headings' | 'mainItems' | 'partial';

const LAYOUT: Record<ItemisedStatement['layout'], { zh: string; en: string }> = {
  inline: { zh: '“其中”所列各项', en: 'the items listed after 其中' },
  numbered: { zh: '所列各项', en: 'the numbered items' },
  table: { zh: '明细表各项', en: 'the items of the table' },
  headings: { zh: '各分项标题所列金额', en: 'the amounts in the section headings' },
  parenthetical: { zh: '括注中的各项', en: 'the items in brackets' },
};

/**
 * Rounding a list can carry: half a unit of the last digit for every term printed at the list's finest precision
 * (a term written with fewer decimals — "5500", "890" — is taken as exact: prose drops trailing zeros, 115 for
 * 115.0). Whole-number lists (p = 0) are exact.
 */
function listAllowance(decimals: number[], p: number, extra: number): number {
  if (p <= 0) return extra;
  return Math.floor(decimals.filter((d) => d === p).length / 2) + extra;
}

function checkList(doc: NarrativeDocument, s: ItemisedStatement, extra: number): Report<ItemisedMessage>[] {
  const unit = s.total.unit;
  const termDecimals = [s.total.decimals, ...s.items.map((i) => decimalsIn(i, unit))];
  const p = Math.max(...termDecimals);
  const sumScaled = s.items.reduce((acc, i) => acc + toScaled(convertMoney(i.value, i.unit, unit), p), 0);
  const totalScaled = toScaled(s.total.value, p);
  const diff = Math.abs(sumScaled - totalScaled);
  if (diff === 0) return [];
  const allowance = listAllowance(termDecimals, p, extra);
  const sum = sumScaled / 10 ** p;
  const terms = s.items.map((i) => amt(convertMoney(i.value, i.unit, unit), decimalsIn(i, unit))).join(' + ');
  const what = LAYOUT[s.layout];
  const over = sumScaled > totalScaled;
  let messageId: ItemisedMessage;
  let note = { zh: '', en: '' };
  if (diff <= allowance) {
    messageId = 'rounding';
    note = { zh: '，属尾差', en: ' — a rounding difference' };
  } else if (s.layout === 'headings') {
    messageId = 'headings';
    note = {
      zh: '（合计取自资金安排情况，请核对）',
      en: ' (the total is the one stated under 资金安排情况; please check)',
    };
  } else if (over || s.completeness === 'complete') messageId = 'mismatch';
  else if (s.completeness === 'main') {
    messageId = 'mainItems';
    note = { zh: '（所列为主要项目）', en: ' (the text lists the main items only)' };
  } else {
    messageId = 'partial';
    note = { zh: '（所列可能不全，请核对）', en: ' (the list may be partial; please check)' };
  }
  const diffText = `${amt(diff / 10 ** p, p)} ${unit}`;
  const totalText = `${amt(s.total.value, s.total.decimals)} ${unit}`;
  return [
    {
      messageId,
      message: {
        zh: `${what.zh}合计 ${amt(sum, p)} ${unit}（${terms}），与所述合计 ${totalText} 相差 ${diffText}${note.zh}。`,
        en: `${what.en[0].toUpperCase()}${what.en.slice(1)} sum to ${amt(sum, p)} ${unit} (${terms}), not the stated total of ${totalText}: a difference of ${diffText}${note.en}.`,
      },
      locations: uniqueRefs([at(doc, s.total), ...s.items.map((i) => at(doc, i))]),
      expected: s.total.value,
      actual: sum,
    },
  ];
}

/** Operands carry no unit: a product may be in 元 for a 万元 result (2450 元 × 12 × 420 = 1234.80 万元). */
function checkEquation(
  doc: NarrativeDocument,
  s: EquationStatement,
  extra: number,
): Report<ItemisedMessage>[] {
  const r = s.result;
  const opDecimals = Math.max(...s.operands.map((o) => o.decimals));
  if (s.op === '+') {
    const p = Math.max(r.decimals, opDecimals);
    const sum = s.operands.reduce((a, o) => a + toScaled(o.value, p), 0);
    const diff = Math.abs(sum - toScaled(r.value, p));
    if (diff === 0) return [];
    const rounding = diff <= listAllowance([r.decimals, ...s.operands.map((o) => o.decimals)], p, extra);
    return [
      finding(doc, s, rounding, amt(sum / 10 ** p, p), {
        zh: `算式 ${s.operands.map((o) => amt(o.value, o.decimals)).join(' + ')} = ${amt(sum / 10 ** p, p)}，文中写作 ${r.text}`,
        en: `${s.operands.map((o) => amt(o.value, o.decimals)).join(' + ')} = ${amt(sum / 10 ** p, p)}, written as ${r.text}`,
      }),
    ];
  }
  const product = s.operands.reduce((a, o) => a * o.value, 1);
  let best = Infinity;
  let bestValue = product;
  for (const factor of [1, 1e4, 1e8, 1e-4]) {
    const v = product / factor;
    const diff = Math.abs(toScaled(v, r.decimals) - toScaled(r.value, r.decimals));
    if (diff < best) {
      best = diff;
      bestValue = v;
    }
  }
  if (best === 0) return [];
  const rounding = opDecimals > 0 && best <= 1 + extra;
  return [
    finding(doc, s, rounding, amt(bestValue, r.decimals), {
      zh: `算式 ${s.operands.map((o) => amt(o.value, o.decimals)).join('×')} 得 ${amt(bestValue, r.decimals)}，文中写作 ${r.text}`,
      en: `${s.operands.map((o) => amt(o.value, o.decimals)).join(' × ')} gives ${amt(bestValue, r.decimals)}, written as ${r.text}`,
    }),
  ];
}

function finding(
  doc: NarrativeDocument,
  s: EquationStatement,
  rounding: boolean,
  expected: string,
  m: { zh: string; en: string },
): Report<ItemisedMessage> {
  return {
    messageId: rounding ? 'rounding' : 'mismatch',
    message: {
      zh: `${m.zh}${rounding ? '，属尾差' : ''}。`,
      en: `${m.en}${rounding ? ' — a rounding difference' : ''}.`,
    },
    locations: uniqueRefs([at(doc, s.result), ...s.operands.map((o) => at(doc, o))]),
    expected: Number(expected),
    actual: s.result.value,
  };
}

export const narrativeItemisedSum = defineRule({
  meta: {
    id: 'narrative/itemised-sum',
    group: 'narrative',
    title: { zh: '分项金额之和等于所述合计', en: 'Itemised amounts sum to the stated total' },
    messages: {
      mismatch: {
        level: 'error',
        zh: '{所列各项}合计与所述合计不符，或算式不成立',
        en: '{the items} do not sum to the stated total, or a written formula does not hold',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '{所列各项}合计与所述合计相差尾差',
        en: '{the items} differ from the stated total by rounding',
      },
      headings: {
        level: 'warning',
        zh: '各分项标题所列金额之和与资金安排情况中的合计不符，请核对',
        en: 'the amounts in the section headings do not sum to the total under 资金安排情况; please check',
      },
      mainItems: {
        level: 'info',
        zh: '所列主要项目之和小于所述合计（所列为主要项目）',
        en: 'the main items listed sum to less than the stated total (main items only)',
      },
      partial: {
        level: 'warning',
        zh: '“其中”所列各项之和小于所述合计（所列可能不全，请核对）',
        en: 'the items after 其中 sum to less than the stated total (the list may be partial; please check)',
      },
    },
  },
  check(ctx) {
    const extra = tolerance(ctx);
    // brackets and 其中 lists are the grammar's (a breakdown belongs to the total before it, changes carry their
    // sign); the other layouts (numbered lines, item tables, section headings, remark cells) the list reader's
    const grammarTotals = new Set(
      narrativeFacts(ctx)
        .filter((f) => f.fact.amount)
        .map((f) => `${f.doc.sheet}:${f.fact.amount!.span.start}`),
    );
    const lists = statementsOf(ctx, 'itemised').filter(
      ({ doc, statement: s }) =>
        !(
          (s.layout === 'inline' || s.layout === 'parenthetical') &&
          grammarTotals.has(`${doc.sheet}:${s.total.span.start}`)
        ),
    );
    return [
      ...breakdownReports(ctx).map(toReport),
      ...lists.flatMap(({ doc, statement }) => checkList(doc, statement, extra)),
      ...statementsOf(ctx, 'equation').flatMap(({ doc, statement }) => checkEquation(doc, statement, extra)),
    ];
  },
});
