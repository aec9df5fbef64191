/**
 * Ribbon commands (manifest ExecuteFunction 'review' and 'summary'). They run without UI: the outcome —
 * success or the error — is written to the document as Gouji's command status (a custom XML part,
 * src/excel/status.ts) and to the console; no dialog interrupts the user. Each calls event.completed().
 */
import { GoujiHost } from '../core/host';
import { Message } from '../core/model/findings';
import { Settings } from '../core/settings';
import { createExcelHost } from '../excel/host';
import { CommandStatus, writeCommandStatus } from '../excel/status';
import { supports } from '../excel/office';
import { createSettingsStore } from '../taskpane/settingsStore';

interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export interface CommandDeps {
  host?: GoujiHost;
  settings?: () => Settings;
  /** Where the outcome goes (default: the document's status part + console). */
  report?: (status: CommandStatus) => Promise<void>;
}

function messageOf(e: unknown): Message {
  if (e && typeof e === 'object') {
    const o = e as Partial<Message> & { message?: string };
    const en = typeof o.en === 'string' ? o.en : (o.message ?? String(e));
    return { zh: typeof o.zh === 'string' ? o.zh : en, en };
  }
  return { zh: String(e), en: String(e) };
}

async function reportToDocument(status: CommandStatus): Promise<void> {
  const log = status.ok ? console.info : console.error;
  log(`[Gouji] ${status.command}: ${status.message.en}`);
  if (!supports('ExcelApi', '1.5')) return;
  try {
    await Excel.run((context) => writeCommandStatus(context, status));
  } catch (e) {
    console.error('[Gouji] could not record the command status', e);
  }
}

/** Run one command to the end, record its outcome, and always complete the event. */
async function runCommand(
  command: CommandStatus['command'],
  event: CommandEvent,
  deps: CommandDeps,
  body: (host: GoujiHost, settings: Settings) => Promise<Message>,
): Promise<void> {
  const report = deps.report ?? reportToDocument;
  try {
    const settings = (deps.settings ?? (() => createSettingsStore().load()))();
    const host = deps.host ?? createExcelHost();
    const message = await body(host, settings);
    await report({ command, ok: true, at: new Date().toISOString(), message });
  } catch (e) {
    await report({ command, ok: false, at: new Date().toISOString(), message: messageOf(e) });
  } finally {
    event.completed();
  }
}

export function reviewCommand(event: CommandEvent, deps: CommandDeps = {}): Promise<void> {
  return runCommand('review', event, deps, async (host, settings) => {
    const r = await host.review(settings);
    const { error, warning, info } = r.counts;
    return {
      zh: `审核完成：错误 ${error}、警告 ${warning}、提示 ${info}；已标注 ${r.highlighted} 个单元格。`,
      en: `Review done: ${error} errors, ${warning} warnings, ${info} notes; ${r.highlighted} cells marked.`,
    };
  });
}

export function summaryCommand(event: CommandEvent, deps: CommandDeps = {}): Promise<void> {
  return runCommand('summary', event, deps, async (host, settings) => {
    const r = await host.buildSummary(settings);
    return { zh: `已生成汇总表“${r.sheet}”。`, en: `Summary sheet "${r.sheet}" is ready.` };
  });
}

/** Register the functions the manifest names. */
export function registerCommands(deps: CommandDeps = {}): void {
  Office.actions.associate('review', (event: CommandEvent) => reviewCommand(event, deps));
  Office.actions.associate('summary', (event: CommandEvent) => summaryCommand(event, deps));
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => registerCommands());
}
