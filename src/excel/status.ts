/**
 * The outcome of the last ribbon command, kept in the document (custom XML part in its own namespace):
 * ribbon commands have no UI of their own, so the pane (or a person with the Office console) can read
 * what happened — and nothing is shown as a dialog over the user's work.
 */
import { Message } from '../core/model/findings';

export const STATUS_NAMESPACE = 'urn:gouji:status:1';

export interface CommandStatus {
  command: 'review' | 'summary';
  ok: boolean;
  /** ISO time. */
  at: string;
  message: Message;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function statusToXml(s: CommandStatus): string {
  return `<?xml version="1.0" encoding="UTF-8"?><status xmlns="${STATUS_NAMESPACE}">${escapeXml(JSON.stringify(s))}</status>`;
}

export function statusFromXml(xml: string): CommandStatus | null {
  const m = /<status\b[^>]*>([\s\S]*)<\/status>/.exec(xml);
  if (!m) return null;
  try {
    return JSON.parse(
      m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    ) as CommandStatus;
  } catch {
    return null;
  }
}

/** Replace the status part (2 syncs). Needs ExcelApi 1.5; without it the status goes to the console only. */
export async function writeCommandStatus(
  context: Excel.RequestContext,
  status: CommandStatus,
): Promise<void> {
  const parts = context.workbook.customXmlParts.getByNamespace(STATUS_NAMESPACE).load('items/id');
  await context.sync();
  for (const p of parts.items) p.delete();
  context.workbook.customXmlParts.add(statusToXml(status));
  await context.sync();
}

export async function readCommandStatus(context: Excel.RequestContext): Promise<CommandStatus | null> {
  const parts = context.workbook.customXmlParts.getByNamespace(STATUS_NAMESPACE).load('items/id');
  await context.sync();
  const xml = parts.items.map((p) => p.getXml());
  if (xml.length === 0) return null;
  await context.sync();
  return statusFromXml(xml[xml.length - 1].value);
}
