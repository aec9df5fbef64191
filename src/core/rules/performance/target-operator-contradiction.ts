/** performance/target-operator-contradiction: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, real, report } from '../../performance/indicators';
import { parseValue } from '../../performance/target';

/** Rates where more is better: a ≤ or < contradicts them. */
const POSITIVE_RATE =
  /(合格|满意|完成|达标|覆盖|及时|准确|到位|受理|办结|化解|通过|出勤|参与|知晓|正常|可用|联网|验收|解决|答复|采纳|整改|办理|公开|上牌|成功|发放|精准|达成|利用|普及|入学|就业)率$|满意度$/;
/** Rates where less is better: a ≥ or > contradicts them. */
const NEGATIVE_RATE =
  /(投诉|事故|发生|故障|差错|逾期|失误|违规|违法|误报|流失|空置|返工|漏报|复发|超支|失败|退回|死亡|伤亡|发案|案发)率$/;

export const operatorContradiction = defineRule({
  meta: {
    id: 'performance/target-operator-contradiction',
    group: 'performance',
    title: {
      zh: '比较符号与指标方向矛盾（如合格率“≤”）',
      en: 'Operator contradicts the indicator (e.g. a pass rate with ≤)',
    },
    messages: {
      contradiction: {
        level: 'warning',
        zh: '指标“{指标}”的比较符号与指标方向矛盾',
        en: 'the operator of "{indicator}" contradicts its direction',
      },
    },
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
          report(
            'contradiction',
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
});
