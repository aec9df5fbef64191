/**
 * GoujiHost over Office.js: what the task pane (and the ribbon commands) ask of Excel.
 *
 * A review is one Excel.run: read (3 syncs) → core review → highlights (1 sync) = 4 syncs, whatever the
 * number of sheets (more only when a response would pass ~4 MB). Filling scores: read → core planFill →
 * write into still-empty cells → go to the first cell written (6 syncs). The summary: read → review → core planSummary → write the sheet
 * and go to its A1 (6 syncs; one more for the page setup where ExcelApi 1.9 is there). Every run merges into one undo step where the host supports it.
 */
import { planHighlights } from '../core/highlights';
import { GoujiHost, Progress, ReviewOutcome } from '../core/host';
import { toA1 } from '../core/model/address';
import { countByLevel, CellRef, Finding } from '../core/model/findings';
import { review } from '../core/review';
import { Settings } from '../core/settings';
import { applyHighlights, clearHighlights } from './highlight';
import { planFill } from '../core/performance/fill';
import { planSummary } from '../core/summary';
import { GoujiExcelError, runExcel } from './office';
import { ReadOptions, readSnapshot } from './read';
import { selectCell, showChanged } from './select';
import { writeSummarySheet } from './summary';
import { applyWrites } from './writes';

export interface ExcelHostOptions {
  /** Payload budget overrides (tests). */
  read?: Pick<ReadOptions, 'maxPayloadBytes' | 'bytesPerCell'>;
  /** Add explanations as notes/comments (default true). */
  notes?: boolean;
  /** Replace Excel.run (tests); defaults to runExcel (undo grouping, wait for cell edit). */
  run?: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

const STEPS = {
  zh: {
    read: '正在读取工作簿…',
    review: '正在审核…',
    highlight: '正在标注问题单元格…',
    score: '正在评分…',
    write: '正在填写空白单元格…',
    summary: '正在生成汇总表…',
    done: '完成',
  },
  en: {
    read: 'Reading the workbook…',
    review: 'Reviewing…',
    highlight: 'Marking the cells…',
    score: 'Scoring…',
    write: 'Filling in empty cells…',
    summary: 'Building the summary sheet…',
    done: 'Done',
  },
};

/** The document's file name for reports, when Office knows it. */
function documentName(): string | undefined {
  try {
    const url = typeof Office !== 'undefined' ? Office.context?.document?.url : undefined;
    if (!url) return undefined;
    const last = decodeURIComponent(url.split(/[\\/]/).pop() ?? '');
    return last || undefined;
  } catch {
    return undefined;
  }
}

/** Office's UI language as 'zh' | 'en' (for calls that get no settings). */
function uiLang(): 'zh' | 'en' {
  try {
    const l = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
    return !l || l.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  } catch {
    return 'zh';
  }
}

/** Errors reach the pane in the user's language. */
async function inLang<T>(lang: 'zh' | 'en', fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw e instanceof GoujiExcelError ? e.inLang(lang) : e;
  }
}

export function createExcelHost(options: ExcelHostOptions = {}): GoujiHost {
  const run = options.run ?? runExcel;

  return {
    review(settings: Settings, progress?: Progress): Promise<ReviewOutcome> {
      const t = STEPS[settings.lang];
      return inLang(settings.lang, () =>
        run(async (context) => {
          progress?.(t.read, 0);
          const snapshot = await readSnapshot(context, {
            ...options.read,
            forHighlights: true,
            progress: (f) => progress?.(t.read, 0.1 + 0.5 * f),
          });
          snapshot.workbook.name = documentName();
          progress?.(t.review, 0.65);
          const result = review(snapshot.workbook, settings);
          progress?.(t.highlight, 0.8);
          const highlights = planHighlights(result.findings, settings.lang);
          const applied = await applyHighlights(context, highlights, { notes: options.notes }, snapshot);
          progress?.(t.done, 1);
          const findings: Finding[] = [...result.findings, ...applied.findings];
          return {
            findings,
            counts: countByLevel(findings),
            tables: result.tables,
            skipped: result.skipped,
            highlighted: applied.highlighted,
          };
        }),
      );
    },

    fillScores(settings: Settings, progress?: Progress): Promise<{ written: number; findings: Finding[] }> {
      const t = STEPS[settings.lang];
      return inLang(settings.lang, () =>
        run(async (context) => {
          progress?.(t.read, 0);
          const snapshot = await readSnapshot(context, {
            ...options.read,
            progress: (f) => progress?.(t.read, 0.1 + 0.5 * f),
          });
          progress?.(t.score, 0.65);
          const plan = planFill(snapshot.workbook, settings);
          progress?.(t.write, 0.8);
          const result = await applyWrites(context, plan.writes, snapshot.sheets);
          // the view goes to what changed: the first score written
          const shown = result.first && snapshot.sheets.find((s) => s.name === result.first?.sheet);
          if (result.first && shown)
            await showChanged(context, shown.proxy, toA1(result.first.row, result.first.col));
          progress?.(t.done, 1);
          return { written: result.written, findings: [...plan.findings, ...result.findings] };
        }),
      );
    },

    buildSummary(settings: Settings, progress?: Progress): Promise<{ sheet: string }> {
      const t = STEPS[settings.lang];
      return inLang(settings.lang, () =>
        run(async (context) => {
          progress?.(t.read, 0);
          const snapshot = await readSnapshot(context, {
            ...options.read,
            progress: (f) => progress?.(t.read, 0.1 + 0.4 * f),
          });
          snapshot.workbook.name = documentName();
          progress?.(t.review, 0.55);
          const result = review(snapshot.workbook, settings);
          const plan = planSummary(result, settings.lang, snapshot.workbook);
          progress?.(t.summary, 0.75);
          const written = await writeSummarySheet(context, plan.sheet);
          // a summary Gouji wrote before in the other language goes
          if (plan.stale.length) {
            for (const name of plan.stale) context.workbook.worksheets.getItem(name).delete();
            await context.sync();
          }
          progress?.(t.done, 1);
          return { sheet: written.sheet };
        }),
      );
    },

    clear(): Promise<{ removed: number }> {
      return inLang(uiLang(), () =>
        run(async (context) => {
          const r = await clearHighlights(context);
          return { removed: r.cells || r.removed };
        }),
      );
    },

    select(ref: CellRef): Promise<void> {
      return inLang(uiLang(), () => run((context) => selectCell(context, ref)));
    },
  };
}
