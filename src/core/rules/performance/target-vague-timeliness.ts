/** performance/target-vague-timeliness: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, real, report } from '../../performance/indicators';
import { parseValue } from '../../performance/target';

const VAGUE_TIME = /及时|按时|准时|按期|尽快|适时/;

export const vagueTimeliness = defineRule({
  meta: {
    id: 'performance/target-vague-timeliness',
    group: 'performance',
    title: {
      zh: '时效指标的指标值不可衡量（如“及时”）',
      en: 'Timeliness target is not measurable (e.g. 及时)',
    },
    messages: {
      vague: {
        level: 'warning',
        zh: '时效指标的指标值“{指标值}”不可衡量，应写明完成时限',
        en: 'timeliness target "{target}" is not measurable; state a deadline',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f)
        .filter(
          (i) =>
            /时效/.test(i.level2) && parseValue(i.target).kind === 'qualitative' && VAGUE_TIME.test(i.target),
        )
        .map((i) =>
          report(
            'vague',
            at(f, i.targetCell ?? i.nameCell),
            `时效指标“${i.name}”的指标值“${i.target}”不可衡量，应写明完成时限（如“≤2025年10月”“10月底前”“≤24小时”）`,
            `timeliness target "${i.target}" of "${i.name}" is not measurable; state a deadline (e.g. "≤2025年10月", "10月底前", "≤24小时")`,
            { actual: i.target },
          ),
        ),
    ),
});
