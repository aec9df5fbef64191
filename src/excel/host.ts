/**
 * GoujiHost over Office.js: what the task pane (and the ribbon commands) ask of Excel.
 *
 * A review is one Excel.run: read (3 syncs) → core review → highlights (1 sync) = 4 syncs, whatever the
 * number of sheets (more only when a response would pass ~4 MB). Every run merges into one undo step where
 * the host supports it.
 */
import { planHighlights } from '../core/highlights';
import { GoujiHost, Progress, ReviewOutcome } from '../core/host';
import { countByLevel, CellRef, Finding } from '../core/model/findings';
import { review } from '../core/review';
import { Settings } from '../core/settings';
import { applyHighlights, clearHighlights } from './highlight';
import { GoujiExcelError, NotAvailableError, runExcel } from './office';
import { ReadOptions, readSnapshot } from './read';
import { selectCell } from './select';

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
    done: '完成',
    clear: '正在清除标注…',
  },
  en: {
    read: 'Reading the workbook…',
    review: 'Reviewing…',
    highlight: 'Marking the cells…',
    done: 'Done',
    clear: 'Removing the highlights…',
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

    async fillScores(settings: Settings): Promise<{ written: number; findings: Finding[] }> {
      throw new NotAvailableError(
        '自评表评分填写尚未完成（核心评分模块还未接入），本次没有写入任何单元格。',
        'Filling in self-evaluation scores is not available yet (the core scoring plan is not wired in); nothing was written.',
        settings.lang,
      );
    },

    async buildSummary(settings: Settings): Promise<{ sheet: string }> {
      throw new NotAvailableError(
        '生成汇总表尚未完成（核心汇总模块还未接入），本次没有新建或修改任何工作表。',
        'Building the summary sheet is not available yet (the core summary is not wired in); no sheet was added or changed.',
        settings.lang,
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
