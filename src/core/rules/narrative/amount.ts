/**
 * narrative/amount: a this-year amount the 说明 states for a subject that names one table figure (收入总计, 一般公共预算支出,
 * 基本支出, a "三公" item, 会议费 / 培训费 where the "三公" table prints them, a 类/款/项 by name, code or 类/款/项 path …)
 * equals that figure after unit conversion. The statement is read by the grammar (narrative/grammar.ts): a bracketed
 * or 其中 item is its own subject, a change is never compared with a level, a 类 under （二）项目支出 is its 项目支出
 * part. Compared at the coarser of the two precisions (prose writes 115 for 115.0 and rounds 元 tables to 万元):
 * equal → nothing; the table figure rounded the other way (truncated, half-even) → info (尾差); else error.
 * Subjects no table carries (机关运行经费, 政府采购 …), last-year and 执行数 figures and the prose of 绩效目标表
 * forms are not compared.
 */
import { defineRule } from '../../context';
import { levelReports, toReport } from '../../narrative/reports';

export const narrativeAmount = defineRule({
  meta: {
    id: 'narrative/amount',
    group: 'narrative',
    title: { zh: '说明中的金额与表内数一致', en: 'Amounts stated in the narrative match the tables' },
    messages: {
      mismatch: {
        level: 'error',
        zh: '说明“{语句}”中的金额与{表内位置}不一致',
        en: 'the amount in the narrative’s “{clause}” differs from {table cell}',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '说明“{语句}”中的金额与{表内位置}相差尾差',
        en: 'the amount in the narrative’s “{clause}” differs from {table cell} by rounding',
      },
    },
  },
  check: (ctx) => levelReports(ctx).map(toReport),
});
