/** A GoujiHost for pane tests: records calls, answers from fixtures, can be held mid-call. */
import { GoujiHost, Progress, ReviewOutcome } from '../../src/core/host';
import { CellRef, countByLevel, Finding } from '../../src/core/model/findings';
import { Settings } from '../../src/core/settings';

export const FINDINGS: Finding[] = [
  {
    rule: 'budget/row-sum',
    level: 'error',
    message: { zh: '合计不等于基本支出与项目支出之和', en: 'Total is not basic plus project spending' },
    locations: [
      { sheet: '支出总表', cell: 'C8' },
      { sheet: '支出总表', cell: 'D8' },
      { sheet: '支出总表', cell: 'E8' },
    ],
    expected: 1234.5,
    actual: 1200,
  },
  {
    rule: 'budget/rounding',
    level: 'info',
    message: { zh: '尾差 0.01', en: 'Rounding difference of 0.01' },
    locations: [{ sheet: '支出总表', cell: 'C12' }],
    expected: 10.01,
    actual: 10,
  },
  {
    rule: 'codes/unknown',
    level: 'warning',
    message: { zh: '科目编码不在目录中', en: 'Code not in the catalog' },
    locations: [{ sheet: '收入总表', cell: 'A9' }],
  },
  {
    rule: 'budget/three-public',
    level: 'error',
    message: { zh: '三公经费合计不符', en: 'Three public total does not match' },
    locations: [{ sheet: '收入总表', cell: 'F20' }],
    expected: 30,
    actual: 31,
  },
  {
    rule: 'engine/rule-failed',
    level: 'info',
    message: { zh: '规则无法检查本工作簿', en: 'A rule could not check this workbook' },
    locations: [],
  },
];

export function outcomeOf(findings: Finding[], highlighted = 5): ReviewOutcome {
  return {
    findings,
    counts: countByLevel(findings),
    tables: [
      { sheet: '收入总表', kind: 'revenue', range: 'A1:F30', unit: '万元' },
      { sheet: '支出总表', kind: 'expenditure', range: 'A1:F30', unit: '万元' },
    ],
    skipped: [],
    highlighted,
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class TestHost implements GoujiHost {
  reviewCalls: Settings[] = [];
  fillCalls: Settings[] = [];
  summaryCalls: Settings[] = [];
  clearCalls = 0;
  selected: CellRef[] = [];
  findings: Finding[] = FINDINGS;
  fillResult = { written: 3, findings: [] as Finding[] };
  /** When set, the next review waits for it (and reports progress first). */
  hold?: Deferred<void>;
  failWith?: Error;
  lastProgress?: Progress;

  async review(settings: Settings, progress?: Progress): Promise<ReviewOutcome> {
    this.reviewCalls.push(settings);
    this.lastProgress = progress;
    progress?.('读取工作表', 0.25);
    if (this.hold) await this.hold.promise;
    if (this.failWith) throw this.failWith;
    return outcomeOf(this.findings);
  }

  async fillScores(settings: Settings, progress?: Progress) {
    this.fillCalls.push(settings);
    progress?.('计算得分', 0.5);
    if (this.failWith) throw this.failWith;
    return this.fillResult;
  }

  async buildSummary(settings: Settings) {
    this.summaryCalls.push(settings);
    if (this.failWith) throw this.failWith;
    return { sheet: '勾稽汇总' };
  }

  async clear() {
    this.clearCalls++;
    if (this.failWith) throw this.failWith;
    return { removed: 5 };
  }

  async select(ref: CellRef) {
    this.selected.push(ref);
  }
}
