/**
 * narrative/share: "基本支出 1807.7 万元，占 44.6%" — the printed share of the part in its base, rounded half-up at
 * the printed decimals. The base is the one named after 占 (占“三公”经费的 0%, 占本年支出合计的 100%), else the
 * total the part is an item of (其中 / 主要用于 / a bracket). Exact → nothing; truncated instead of rounded (39.096% →
 * 39.09%) or off by what the rounding of the amounts allows → info; otherwise error.
 *
 * Where the part or the base names a table figure, the share is computed from the table figure. When a restated
 * amount disagrees with the table and the share is right by the text's own figures, the root cause is the amount
 * (narrative/amount reports it); the share is not reported a second time.
 */
import { defineRule } from '../../context';
import { shareReports, toReport } from '../../narrative/reports';

export const narrativeShare = defineRule({
  meta: {
    id: 'narrative/share',
    group: 'narrative',
    title: { zh: '说明中的占比与金额一致', en: 'Shares stated in the narrative match the amounts' },
    messages: {
      mismatch: {
        level: 'error',
        zh: '说明“{语句}”中的占比与金额计算结果不符',
        en: 'the share in the narrative’s “{clause}” differs from the amounts',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '说明“{语句}”中的占比截去尾数或在金额四舍五入范围内',
        en: 'the share in the narrative’s “{clause}” is truncated or within the rounding of the amounts',
      },
    },
  },
  check: (ctx) => shareReports(ctx).map(toReport),
});
