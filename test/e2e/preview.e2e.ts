/**
 * End-to-end: the real task pane on the in-memory Office fake, in headless Chromium.
 *
 *   npm run test:e2e        (tsx test/e2e/preview.e2e.ts)
 *
 * Builds the bundles with webpack into test/output/e2e-dist (GOUJI_E2E_NO_BUILD=1 reuses it), serves them
 * on a free 127.0.0.1 port, opens preview.html and checks: 审核 highlights exactly the cells the core
 * review flags on the same sample (computed here, not hard-coded) and lists them in the pane; a finding
 * goes to its cell by click and by keyboard, its note fully visible beside it and the cell with rows of
 * context above and below; 清除标注 puts every fill and note back; after 生成汇总 the summary's A1 is in
 * view; in English no pane text is Chinese outside the workbook's quoted text. Saves taskpane.png and
 * preview.png into test/output/screenshots (ignored); `npm run screenshots` writes them into
 * docs/screenshots for the README instead. Any failed step fails the run.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { planHighlights } from '../../src/core/highlights';
import { toA1 } from '../../src/core/model/address';
import { LEVEL_FILL } from '../../src/core/model/edits';
import { Finding, Level } from '../../src/core/model/findings';
import { mergeAt } from '../../src/core/model/workbook';
import { review } from '../../src/core/review';
import { readXlsx } from '../../src/xlsx/read';

const ROOT = path.resolve(__dirname, '../..');
const OUT_DIR = path.join(ROOT, 'test/output/e2e-dist');
// tests never rewrite tracked files: screenshots go to an ignored folder unless asked for (npm run screenshots)
const SHOTS = path.resolve(ROOT, process.env.GOUJI_SCREENSHOTS_DIR || 'test/output/screenshots');
const FAILURE_SHOT = path.join(ROOT, 'test/output/e2e-failure.png');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const STEP_TIMEOUT = 60_000;

const FILL_LEVEL = new Map<string, Level>(
  (Object.entries(LEVEL_FILL) as [Level, string][]).map(([level, argb]) => [
    `#${argb.slice(2).toUpperCase()}`,
    level,
  ]),
);

let passed = 0;
let failed = 0;

async function step(name: string, fn: () => Promise<void>): Promise<void> {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n${indent(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
    throw e;
  }
}

const indent = (s: string) =>
  s
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

function assertSameSet(actual: Iterable<string>, expected: Iterable<string>, what: string): void {
  const a = new Set(actual);
  const e = new Set(expected);
  const missing = [...e].filter((x) => !a.has(x));
  const extra = [...a].filter((x) => !e.has(x));
  assert(
    missing.length === 0 && extra.length === 0,
    `${what}: missing ${JSON.stringify(missing.slice(0, 20))}${missing.length > 20 ? ` (+${missing.length - 20})` : ''}, ` +
      `unexpected ${JSON.stringify(extra.slice(0, 20))}${extra.length > 20 ? ` (+${extra.length - 20})` : ''}`,
  );
}

// ---------------------------------------------------------------------------------------------- build

function build(): void {
  if (process.env.GOUJI_E2E_NO_BUILD === '1' && fs.existsSync(path.join(OUT_DIR, 'preview.html'))) return;
  const webpack = path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
  const r = spawnSync(
    process.execPath,
    [webpack, '--mode', 'development', '--devtool', 'false', '--output-path', OUT_DIR],
    { cwd: ROOT, stdio: 'inherit', env: process.env, timeout: 600_000 },
  );
  assert(r.status === 0, `webpack failed (exit ${r.status ?? r.signal})`);
  assert(fs.existsSync(path.join(OUT_DIR, 'preview.html')), 'webpack wrote no preview.html');
}

// --------------------------------------------------------------------------------------------- server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.map': 'application/json',
};

/** A static file server over `dir` on 127.0.0.1 and a free port. */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'preview.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ------------------------------------------------------------------------------------------- expected

interface Expected {
  findings: Finding[];
  counts: Record<Level, number>;
  /** sheet → cell → level shown (most severe), after merges map onto their top-left cell. */
  cells: Map<string, Map<string, Level>>;
  sheetsShown: string[];
}

function expectedFrom(bytes: Uint8Array, name: string): Expected {
  const wb = readXlsx(bytes, name);
  const result = review(wb);
  const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };
  const cells = new Map<string, Map<string, Level>>();
  const sheetsShown = wb.sheets.filter((s) => !s.hidden && !s.kind).map((s) => s.name);
  for (const h of planHighlights(result.findings, 'zh')) {
    const sheet = wb.sheets.find((s) => s.name === h.sheet);
    if (!sheet || sheet.protected || sheet.hidden) continue;
    const m = mergeAt(sheet, h.row, h.col);
    const cell = toA1(m ? m.top : h.row, m ? m.left : h.col);
    const bySheet = cells.get(h.sheet) ?? new Map<string, Level>();
    const prev = bySheet.get(cell);
    if (!prev || RANK[h.level] < RANK[prev]) bySheet.set(cell, h.level);
    cells.set(h.sheet, bySheet);
  }
  return { findings: result.findings, counts: result.counts, cells, sheetsShown };
}

// ---------------------------------------------------------------------------------------------- page

interface GridState {
  /** cell → fill shown ('#RRGGBB'), for every cell with one. */
  fills: Map<string, string>;
  /** cell → note kinds, for every cell with one. */
  notes: Map<string, string>;
}

async function showSheet(page: Page, sheet: string): Promise<void> {
  const tab = page.locator(`[data-testid="workbook-view"] [role="tab"][data-sheet="${cssString(sheet)}"]`);
  await tab.click();
  await page.waitForSelector(`[data-testid="workbook-view"][data-active-sheet="${cssString(sheet)}"]`);
}

const cssString = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

async function gridState(page: Page): Promise<GridState> {
  const rows = await page.$$eval('[data-testid="workbook-view"] td[data-cell]', (tds) =>
    tds.map((td) => [
      td.getAttribute('data-cell')!,
      td.getAttribute('data-fill'),
      td.getAttribute('data-note'),
    ]),
  );
  const fills = new Map<string, string>();
  const notes = new Map<string, string>();
  for (const [cell, fill, note] of rows) {
    if (fill) fills.set(cell!, fill.toUpperCase());
    if (note) notes.set(cell!, note);
  }
  return { fills, notes };
}

async function allSheets(page: Page, sheets: string[]): Promise<Map<string, GridState>> {
  const out = new Map<string, GridState>();
  for (const s of sheets) {
    await showSheet(page, s);
    out.set(s, await gridState(page));
  }
  return out;
}

const pane = (page: Page) => page.locator('[data-testid="task-pane"]');

async function noErrorBar(page: Page): Promise<void> {
  const errors = await pane(page).locator('[data-intent="error"]').allInnerTexts();
  assert(errors.length === 0, `the pane shows an error: ${errors.join(' | ')}`);
}

/** The visible part of the grid, the selected cell's row among the fully visible rows, and the note's box. */
async function viewOfSelection(page: Page) {
  return page.evaluate(() => {
    const sc = document.querySelector<HTMLElement>('[data-testid="grid-scroller"]')!;
    const box = sc.getBoundingClientRect();
    const header = sc.querySelector('thead')!.getBoundingClientRect().height;
    const view = {
      top: box.top + header,
      bottom: box.top + sc.clientHeight,
      left: box.left,
      right: box.left + sc.clientWidth,
    };
    const rows = [...sc.querySelectorAll('tbody tr')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5;
    });
    const selected = sc.querySelector('td[data-selected="true"]');
    const index = selected ? rows.indexOf(selected.closest('tr')!) : -1;
    const note = document.querySelector<HTMLElement>('[data-testid="selected-note"]');
    const n = note?.getBoundingClientRect();
    const cell = selected?.getBoundingClientRect();
    return {
      view,
      visibleRows: rows.length,
      index,
      note: n
        ? {
            top: n.top,
            bottom: n.bottom,
            left: n.left,
            right: n.right,
            hidden: note!.style.visibility === 'hidden',
          }
        : null,
      noteText: note?.textContent ?? '',
      cell: cell ? { top: cell.top, bottom: cell.bottom, left: cell.left, right: cell.right } : null,
    };
  });
}

/** The pane's text without the workbook's own words: sheet names and passages in quotes. */
async function paneOwnText(page: Page, sheetNames: string[]): Promise<string> {
  const text = await pane(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-quoted]').forEach((q) => q.remove());
    return copy.innerText;
  });
  let own = text;
  for (const n of [...sheetNames].sort((a, b) => b.length - a.length)) own = own.split(n).join('');
  return own
    .replace(/"[^"\n]*"/g, '""')
    .replace(/“[^”\n]*”/g, '""')
    .replace(/简体中文/g, '');
}

async function tabCount(page: Page, level: 'all' | Level): Promise<number> {
  const text = await pane(page).locator(`[data-count="${level}"]`).first().innerText();
  return Number(text.trim());
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  console.log('e2e: preview');
  let server: http.Server | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gouji-e2e-chromium-'));
  const pageErrors: string[] = [];
  try {
    await step('webpack builds the bundles', async () => build());

    let base = '';
    await step('a local server serves the preview and its sample workbook', async () => {
      server = await serve(OUT_DIR);
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const res = await fetch(`${base}sample.xlsx`);
      assert(res.ok, `GET sample.xlsx: ${res.status}`);
    });

    let expected!: Expected;
    await step('the core review of the same sample gives the expected highlights', async () => {
      const bytes = new Uint8Array(await (await fetch(`${base}sample.xlsx`)).arrayBuffer());
      expected = expectedFrom(bytes, 'sample.xlsx');
      const n = [...expected.cells.values()].reduce((k, m) => k + m.size, 0);
      console.log(
        `      ${expected.findings.length} findings (${expected.counts.error} errors, ${expected.counts.warning} warnings, ` +
          `${expected.counts.info} info) → ${n} cells on ${expected.cells.size} sheets`,
      );
      assert(n > 0, 'the review of the sample flags no cell: nothing to check');
    });

    await step('Chromium opens the preview with the pane and the grid', async () => {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--no-first-run',
          '--disable-quic',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1400, height: 900 },
        deviceScaleFactor: 1,
        locale: 'zh-CN',
      });
      context.setDefaultTimeout(STEP_TIMEOUT);
      page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(m.text());
      });
      await page.goto(`${base}preview.html`);
      await pane(page).getByRole('button', { name: '审核', exact: true }).waitFor();
      await page.waitForSelector('[data-testid="workbook-view"] td[data-cell]');
    });
    const p = page!;

    let original!: Map<string, GridState>;
    await step('before the review no cell carries a Gouji fill', async () => {
      const tabs = await p.$$eval('[data-testid="workbook-view"] [role="tab"]', (els) =>
        els.map((e) => e.getAttribute('data-sheet')!),
      );
      assertSameSet(tabs, expected.sheetsShown, 'sheet tabs');
      original = await allSheets(p, tabs);
      for (const [sheet, st] of original)
        for (const [cell, fill] of st.fills)
          assert(!FILL_LEVEL.has(fill), `${sheet}!${cell} already has a Gouji fill ${fill}`);
    });

    await step('审核 finishes without an error and shows the counts', async () => {
      await pane(p).getByRole('button', { name: '审核', exact: true }).click();
      await pane(p).getByRole('tablist', { name: '按级别筛选' }).waitFor();
      await pane(p).locator('[data-intent="success"]').first().waitFor();
      await noErrorBar(p);
      assert(
        (await tabCount(p, 'error')) === expected.counts.error,
        `error count ${await tabCount(p, 'error')}`,
      );
      assert(
        (await tabCount(p, 'warning')) === expected.counts.warning,
        `warning count ${await tabCount(p, 'warning')}`,
      );
      // the host may add info findings of its own (e.g. a protected sheet it could not mark)
      assert((await tabCount(p, 'info')) >= expected.counts.info, `info count ${await tabCount(p, 'info')}`);
    });

    await step('the grid highlights exactly the expected cells, coloured by level, with notes', async () => {
      for (const sheet of expected.sheetsShown) {
        await showSheet(p, sheet);
        const st = await gridState(p);
        const before = original.get(sheet)!;
        const want = expected.cells.get(sheet) ?? new Map<string, Level>();
        const gouji = [...st.fills].filter(
          ([cell, fill]) => FILL_LEVEL.has(fill) && before.fills.get(cell) !== fill,
        );
        assertSameSet(
          gouji.map(([cell]) => cell),
          want.keys(),
          `highlighted cells on ${sheet}`,
        );
        for (const [cell, fill] of gouji)
          assert(
            FILL_LEVEL.get(fill) === want.get(cell),
            `${sheet}!${cell}: fill ${fill}, expected level ${want.get(cell)}`,
          );
        for (const cell of want.keys())
          assert(st.notes.has(cell) || before.notes.has(cell), `${sheet}!${cell} has no explanation note`);
      }
    });

    await step('the pane lists every finding at its cell', async () => {
      const items = await pane(p)
        .locator('button[data-finding-key^="review:"]')
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute('data-sheet')}!${e.getAttribute('data-cell')}`),
        );
      const listed = new Set(items);
      for (const f of expected.findings) {
        const loc = f.locations[0];
        if (loc)
          assert(
            listed.has(`${loc.sheet}!${loc.cell}`),
            `no pane item for ${loc.sheet}!${loc.cell} (${f.rule})`,
          );
      }
      const total = await tabCount(p, 'all');
      assert(total >= expected.findings.length, `pane total ${total} < ${expected.findings.length}`);
    });

    const located = expected.findings.filter((f) => f.locations.length > 0);
    await step('clicking a finding activates its sheet and selects its cell', async () => {
      assert(located.length > 0, 'the sample gives no finding with a cell: nothing to click');
      // prefer a finding on another sheet than the one shown, so activation is tested too
      const shown = await p.getAttribute('[data-testid="workbook-view"]', 'data-active-sheet');
      const target = located.find((f) => f.locations[0].sheet !== shown) ?? located[0];
      const { sheet, cell } = target.locations[0];
      await pane(p)
        .locator(`button[data-finding-key^="review:"][data-sheet="${cssString(sheet)}"][data-cell="${cell}"]`)
        .first()
        .click();
      await p.waitForSelector(`[data-testid="workbook-view"][data-active-sheet="${cssString(sheet)}"]`);
      await p.waitForSelector(`[data-testid="workbook-view"] td[data-cell="${cell}"][data-selected="true"]`);
      assert(
        (await p.innerText('[data-testid="name-box"]')).trim() === cell,
        'name box does not show the cell',
      );
      await noErrorBar(p);
      // the note shows beside the cell, wholly inside the visible grid
      await p.waitForFunction(() => {
        const n = document.querySelector<HTMLElement>('[data-testid="selected-note"]');
        return n && n.style.visibility !== 'hidden';
      });
      const v = await viewOfSelection(p);
      assert(v.note && !v.note.hidden, `no note shown for ${sheet}!${cell}`);
      assert(v.noteText.includes(target.message.zh), `the note of ${cell} does not explain the finding`);
      const inside =
        v.note.top >= v.view.top - 0.5 &&
        v.note.bottom <= v.view.bottom + 0.5 &&
        v.note.left >= v.view.left - 0.5 &&
        v.note.right <= v.view.right + 0.5;
      assert(inside, `the note is not fully visible: ${JSON.stringify(v.note)} in ${JSON.stringify(v.view)}`);
      assert(
        v.cell &&
          !(
            v.note.left < v.cell.right &&
            v.note.right > v.cell.left &&
            v.note.top < v.cell.bottom &&
            v.note.bottom > v.cell.top
          ),
        'the note covers its cell',
      );
      // the cell has rows of context above and below
      assert(v.index > 0, `the selected cell is ${v.index < 0 ? 'not visible' : 'on the first visible row'}`);
      assert(
        v.index < v.visibleRows - 1,
        `the selected cell is on the last visible row (${v.index + 1}/${v.visibleRows})`,
      );
      console.log(
        `      ${sheet}!${cell}: row ${v.index + 1} of ${v.visibleRows} visible rows, note inside the grid`,
      );
    });

    await step('every located finding lands away from the edges, its note fully visible', async () => {
      // a sample of findings across the sheets, the last rows of a sheet included
      const sample = [
        ...new Map(located.map((f) => [f.locations[0].sheet, f])).values(),
        ...located.slice(-3),
      ];
      for (const f of sample) {
        const { sheet, cell } = f.locations[0];
        await pane(p)
          .locator(
            `button[data-finding-key^="review:"][data-sheet="${cssString(sheet)}"][data-cell="${cell}"]`,
          )
          .first()
          .click();
        await p.waitForSelector(
          `[data-testid="workbook-view"] td[data-cell="${cell}"][data-selected="true"]`,
        );
        await p.waitForFunction(() => {
          const n = document.querySelector<HTMLElement>('[data-testid="selected-note"]');
          return n && n.style.visibility !== 'hidden';
        });
        const v = await viewOfSelection(p);
        assert(
          v.index > 0 && v.index < v.visibleRows - 1,
          `${sheet}!${cell} on visible row ${v.index + 1}/${v.visibleRows}`,
        );
        assert(
          v.note &&
            v.note.top >= v.view.top - 0.5 &&
            v.note.bottom <= v.view.bottom + 0.5 &&
            v.note.left >= v.view.left - 0.5 &&
            v.note.right <= v.view.right + 0.5,
          `${sheet}!${cell}: note not fully visible`,
        );
      }
      console.log(`      ${sample.length} findings checked`);
    });

    await step('keyboard: arrow keys move between findings, Enter selects the cell', async () => {
      const buttons = pane(p).locator('button[data-finding-key^="review:"]');
      if ((await buttons.count()) < 2) return;
      await buttons.nth(0).focus();
      await p.keyboard.press('ArrowDown');
      const focused = await p.evaluate(() => document.activeElement?.getAttribute('data-finding-key'));
      const second = await buttons.nth(1).getAttribute('data-finding-key');
      assert(focused === second, `ArrowDown focused ${focused}, expected ${second}`);
      const sheet = (await buttons.nth(1).getAttribute('data-sheet'))!;
      const cell = (await buttons.nth(1).getAttribute('data-cell'))!;
      await p.keyboard.press('Enter');
      await p.waitForSelector(`[data-testid="workbook-view"][data-active-sheet="${cssString(sheet)}"]`);
      await p.waitForSelector(`[data-testid="workbook-view"] td[data-cell="${cell}"][data-selected="true"]`);
    });

    await step('screenshots of the pane with findings and of the preview', async () => {
      fs.mkdirSync(SHOTS, { recursive: true });
      // no hover, no focus ring: the pane as a reader sees it after going to a finding
      await p.mouse.move(0, 0);
      await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await pane(p).evaluate((el) => el.scrollTo(0, 0));
      await p.waitForTimeout(300);
      await pane(p).screenshot({ path: path.join(SHOTS, 'taskpane.png') });
      await p.screenshot({ path: path.join(SHOTS, 'preview.png') });
    });

    await step('the pane fits a 320px task pane without sideways scrolling', async () => {
      const overflow = await pane(p).evaluate(async (el) => {
        const before = el.style.width;
        el.style.width = '320px';
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const over = el.scrollWidth - el.clientWidth;
        el.style.width = before;
        return over;
      });
      assert(overflow <= 0, `the pane overflows by ${overflow}px at 320px`);
    });

    await step('清除标注 restores every fill and note of the original', async () => {
      await pane(p).getByRole('button', { name: '清除标注', exact: true }).click();
      await pane(p)
        .getByText(/已清除 \d+ 处标注/)
        .waitFor();
      await noErrorBar(p);
      const after = await allSheets(p, expected.sheetsShown);
      for (const sheet of expected.sheetsShown) {
        const a = after.get(sheet)!;
        const o = original.get(sheet)!;
        assertSameSet(
          [...a.fills].map(([c, f]) => `${c}=${f}`),
          [...o.fills].map(([c, f]) => `${c}=${f}`),
          `fills on ${sheet}`,
        );
        assertSameSet(
          [...a.notes].map(([c, n]) => `${c}=${n}`),
          [...o.notes].map(([c, n]) => `${c}=${n}`),
          `notes on ${sheet}`,
        );
      }
    });

    await step('after 生成汇总 the summary sheet opens at its A1', async () => {
      // scroll the grid away first, so going to A1 has to happen
      await p.evaluate(() => document.querySelector('[data-testid="grid-scroller"]')!.scrollTo(0, 5000));
      await pane(p).getByRole('button', { name: '生成汇总', exact: true }).click();
      await pane(p)
        .getByText(/已生成汇总表/)
        .waitFor();
      await noErrorBar(p);
      await p.waitForSelector('[data-testid="workbook-view"][data-active-sheet="审核汇总"]');
      await p.waitForSelector('[data-testid="workbook-view"] td[data-cell="A1"][data-selected="true"]');
      const v = await viewOfSelection(p);
      assert(v.cell, 'A1 is not rendered');
      assert(
        v.cell.top >= v.view.top - 0.5 && v.cell.bottom <= v.view.bottom && v.cell.left >= v.view.left,
        `A1 is not in view: ${JSON.stringify(v.cell)} in ${JSON.stringify(v.view)}`,
      );
    });

    await step("in English no pane text is Chinese outside the workbook's quoted text", async () => {
      await pane(p).getByRole('button', { name: '设置' }).click();
      await pane(p).getByRole('radio', { name: 'English' }).click();
      await pane(p).getByRole('button', { name: 'Settings' }).click();
      await pane(p).getByRole('button', { name: 'Review', exact: true }).click();
      await pane(p)
        .getByText(/^Review finished/)
        .waitFor();
      await noErrorBar(p);
      const CJK = /.{0,40}[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+.{0,20}/g;
      let own = await paneOwnText(p, expected.sheetsShown);
      let cjk = own.match(CJK) ?? [];
      assert(cjk.length === 0, `Chinese in the English pane after Review:\n${cjk.slice(0, 10).join('\n')}`);
      await pane(p).getByRole('button', { name: 'Fill scores', exact: true }).click();
      await pane(p)
        .getByText(/^Reviewed again after filling/)
        .waitFor();
      await noErrorBar(p);
      own = await paneOwnText(p, expected.sheetsShown);
      cjk = own.match(CJK) ?? [];
      assert(
        cjk.length === 0,
        `Chinese in the English pane after Fill scores:\n${cjk.slice(0, 10).join('\n')}`,
      );
      // the view went to the first score written
      const sel = await p.getAttribute('[data-testid="workbook-view"]', 'data-active-sheet');
      assert(
        sel && sel !== 'Review summary' && sel !== '审核汇总',
        `after Fill scores the view is on ${sel}`,
      );
      await p.waitForSelector('[data-testid="workbook-view"] td[data-selected="true"]');
    });

    await step('the page logged no errors', async () => {
      assert(pageErrors.length === 0, `page errors:\n${pageErrors.join('\n')}`);
    });
  } catch {
    if (page) await page.screenshot({ path: FAILURE_SHOT }).catch(() => undefined);
    if (page) console.log(`  failure screenshot: ${path.relative(ROOT, FAILURE_SHOT)}`);
    if (pageErrors.length) console.log(`  page errors:\n${indent(pageErrors.join('\n'))}`);
  } finally {
    await context?.close().catch(() => undefined);
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (failed === 0 && passed === 0) failed = 1;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

const guard = setTimeout(() => {
  console.log('e2e: timed out after 15 minutes');
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, 15 * 60_000);
guard.unref();

main().catch((e) => {
  console.error(e);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
