/**
 * The browser preview: the sample workbook (sample.xlsx from the dev server, or a file opened from disk)
 * read with the pure .xlsx reader into the in-memory Office fake, the real pane beside a grid of it.
 */
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { createRoot, Root } from 'react-dom/client';
import { createExcelHost } from '../excel';
import { FakeOffice, loadFakeOffice } from '../excel/fake';
import { readXlsx } from '../xlsx/read';
import { PreviewPage } from './PreviewPage';

let root: Root | undefined;
let fake: FakeOffice | undefined;
let generation = 0;

function show(bytes: Uint8Array, name: string): void {
  const workbook = readXlsx(bytes, name);
  fake?.uninstall();
  fake = loadFakeOffice(workbook);
  const host = createExcelHost();
  generation++;
  root!.render(
    <PreviewPage key={generation} doc={fake.document} host={host} onOpenFile={(f) => void open(f)} />,
  );
}

async function open(file: File): Promise<void> {
  try {
    show(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (e) {
    fail(e);
  }
}

function fail(e: unknown): void {
  const text = e instanceof Error ? e.message : String(e);
  root!.render(
    <FluentProvider theme={webLightTheme}>
      <div style={{ padding: 24 }}>
        <MessageBar intent="error">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      </div>
    </FluentProvider>,
  );
}

async function main(): Promise<void> {
  root = createRoot(document.getElementById('root')!);
  const url = new URLSearchParams(location.search).get('file') ?? 'sample.xlsx';
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
    show(new Uint8Array(await res.arrayBuffer()), decodeURIComponent(url.split('/').pop() ?? url));
  } catch (e) {
    fail(e);
  }
}

void main();
