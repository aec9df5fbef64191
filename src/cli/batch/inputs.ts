/** `gouji check a.xlsx dir/ "2026/**\/*.xlsx"`: the workbooks named by files, folders and globs. */
import { readdirSync, statSync } from 'fs';
import { join, sep } from 'path';

/** One input: a workbook to review, or an input that named none (reported like an unreadable file). */
export type Input = { file: string } | { missing: string; error: string };

/** Extensions picked up from a folder or a glob; an explicitly named file is taken whatever it is called. */
const BOOK = /\.(xlsx|xlsm|xls)$/i;
const GLOB = /[*?[]/;

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** A folder or a glob (a path that does not exist as written and has *, ? or [ in it). */
export function isMany(arg: string): boolean {
  return isDir(arg) || (GLOB.test(arg) && !exists(arg));
}

/** Skip Office lock files (~$book.xlsx) and hidden files. */
const wanted = (name: string) => BOOK.test(name) && !name.startsWith('~$') && !name.startsWith('.');

/** Every workbook under `dir`, sub-folders included, in name order. */
function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(p, out);
    } else if (wanted(e.name)) out.push(p);
  }
}

/** A glob segment as a regular expression: * and ? within one name, [abc] classes. */
function segmentRe(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '*') re += '[^/\\\\]*';
    else if (ch === '?') re += '[^/\\\\]';
    else if (ch === '[') {
      const close = seg.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = seg.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls}]`;
        i = close;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Expand a glob (*, ?, [..], ** for any depth). */
export function expandGlob(pattern: string): string[] {
  const parts = pattern.split(/[\\/]+/);
  const absolute = pattern.startsWith('/') || pattern.startsWith(sep);
  let i = 0;
  const lead: string[] = [];
  while (i < parts.length - 1 && !GLOB.test(parts[i])) lead.push(parts[i++]);
  const base = absolute ? `/${lead.filter(Boolean).join('/')}` : lead.join('/') || '.';
  const prefix = absolute || lead.length ? base : '';
  const out: string[] = [];
  const visit = (dir: string, shown: string, k: number): void => {
    if (k === parts.length) return;
    const seg = parts[k];
    const last = k === parts.length - 1;
    if (seg === '**') {
      visit(dir, shown, k + 1); // zero folders
      for (const e of list(dir))
        if (e.isDirectory() && !e.name.startsWith('.')) visit(join(dir, e.name), join(shown, e.name), k);
      return;
    }
    const re = segmentRe(seg);
    for (const e of list(dir)) {
      if (!re.test(e.name) || (e.name.startsWith('.') && !seg.startsWith('.'))) continue;
      const p = join(dir, e.name);
      const s = shown ? join(shown, e.name) : e.name;
      if (last) {
        if (e.isFile() && !e.name.startsWith('~$')) out.push(s);
        else if (e.isDirectory()) {
          const inner: string[] = [];
          walk(p, inner);
          out.push(...inner.map((f) => join(s, f.slice(p.length + 1))));
        }
      } else if (e.isDirectory()) visit(p, s, k + 1);
    }
  };
  visit(base, prefix, i);
  return [...new Set(out)].sort();
}

function list(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  } catch {
    return [];
  }
}

/** The workbooks named by the arguments, each once, in the order given (a folder's in name order). */
export function expandInputs(args: string[]): Input[] {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    out.push({ file });
  };
  for (const arg of args) {
    if (isDir(arg)) {
      const files: string[] = [];
      walk(arg, files);
      if (files.length === 0)
        out.push({ missing: arg, error: `文件夹中没有工作簿 / no workbook in this folder: ${arg}` });
      files.forEach(add);
    } else if (GLOB.test(arg) && !exists(arg)) {
      const files = expandGlob(arg);
      if (files.length === 0) out.push({ missing: arg, error: `没有匹配的文件 / no file matches: ${arg}` });
      files.forEach(add);
    } else add(arg);
  }
  return out;
}
