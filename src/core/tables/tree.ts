/**
 * Row hierarchy for rows without codes: ordinal prefixes (一、 > （一） > 1、 > (1)) and, for names-only
 * lists (杭州-style tables, 收支总表 支出 items), levels inferred from the amounts: a row is the parent of the
 * rows under it when they add up to it in every amount column (within rounding). 类 names anchor the top level.
 */
import { toScaled } from '../model/numbers';
import { bareLabel, ordinalOf } from './text';
import { TableRow } from './types';

export interface TreeOptions {
  /** Amount columns compared when inferring levels. */
  cols: number[];
  decimals: number;
  /** Deepest level (1 = flat list, 2 = 类/款, 3 = 类/款/项). */
  maxDepth: number;
  /** Labels that are always top level (类 names). */
  anchors?: Set<string>;
  /** Vector the top-level rows should add up to (the 合计 row), if printed. */
  target?: number[];
  /** Ordinal rank per row that replaces the one read from its label (group 小计 rows and their items). */
  ranks?: (number | undefined)[];
  /**
   * Rows known by their label to head the rows after them (本年支出合计 printed above its 类 rows): they head the
   * list below whether or not its amounts add up to them, so a wrong line is reported against its own breakdown.
   */
  headings?: boolean[];
}

type Vec = number[];

function vecOf(row: TableRow, cols: number[], decimals: number): Vec {
  return cols.map((c) => {
    const v = row.values.get(c);
    return v ? toScaled(v.value, decimals) : 0;
  });
}

function isZero(v: Vec): boolean {
  return v.every((x) => x === 0);
}

/** Within the rounding of `terms` summed terms (½ unit each, plus the total's own). */
function close(a: Vec, b: Vec, terms: number): boolean {
  const allow = Math.max(1, Math.floor((terms + 1) / 2));
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > allow) return false;
  return true;
}

function sub(a: Vec, b: Vec): Vec {
  return a.map((x, i) => x - b[i]);
}

interface Node {
  idx: number;
  children: Node[];
}

/**
 * Parse rows [start, end) as siblings whose values add up to `remaining` (null = unconstrained).
 * Depth-first with memoisation; a step budget keeps pathological lists bounded.
 */
class Parser {
  private steps = 0;
  private readonly memo = new Map<string, Node[] | null>();
  /** A zero vector (of the vectors' length), compared with what is left at the end of a list. */
  private zero: Vec = [];
  constructor(
    private readonly vecs: Vec[],
    private readonly budget = 50000,
  ) {}

  get exhausted(): boolean {
    return this.steps > this.budget;
  }

  parse(start: number, end: number, remaining: Vec | null, depthLeft: number, terms = 0): Node[] | null {
    if (this.steps++ > this.budget) return null;
    if (start === end) {
      if (remaining === null) return [];
      if (this.zero.length !== remaining.length) this.zero = remaining.map(() => 0);
      return close(remaining, this.zero, terms) ? [] : null;
    }
    const key = `${start}|${end}|${depthLeft}|${terms}|${remaining ? remaining.join(',') : 'x'}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    let result: Node[] | null = null;
    const v = this.vecs[start];
    const nextRemaining = remaining ? sub(remaining, v) : null;
    // prefer a parent (with children that add up to it) for non-zero rows; zero rows prefer leaves
    if (isZero(v)) result = this.asLeaf(start, end, nextRemaining, depthLeft, terms);
    if (!result && depthLeft > 1) {
      for (let q = end; q >= start + 2 && !result; q--) {
        const children = this.parse(start + 1, q, v, depthLeft - 1, 0);
        if (!children || children.length === 0) continue;
        const rest = this.parse(q, end, nextRemaining, depthLeft, terms + 1);
        if (rest) result = [{ idx: start, children }, ...rest];
      }
    }
    if (!result && !isZero(v)) result = this.asLeaf(start, end, nextRemaining, depthLeft, terms);
    this.memo.set(key, result);
    return result;
  }

  /** Row `start` as a leaf, the rest of [start, end) parsed after it. */
  private asLeaf(
    start: number,
    end: number,
    remaining: Vec | null,
    depthLeft: number,
    terms: number,
  ): Node[] | null {
    const rest = this.parse(start + 1, end, remaining, depthLeft, terms + 1);
    return rest ? [{ idx: start, children: [] }, ...rest] : null;
  }
}

export interface TreeResult {
  /** parent index (into `rows`) per row; undefined = top level. */
  parent: (number | undefined)[];
  depth: number[];
  from: ('ordinal' | 'name' | 'amounts' | 'label')[];
  ofWhich: boolean[];
  /** Alternative breakdown index among the children of one parent (0 unless a parent has two). */
  breakdown: number[];
}

/**
 * Build the tree of a list of rows (no codes). Rows with ordinal prefixes nest by rank; an unprefixed
 * row right before an ordinal list heads it; runs of unprefixed rows are nested by their amounts.
 */
export function buildTree(rows: TableRow[], opts: TreeOptions): TreeResult {
  const n = rows.length;
  const parent: (number | undefined)[] = new Array(n).fill(undefined);
  const depth: number[] = new Array(n).fill(0);
  const from: TreeResult['from'] = new Array(n).fill('label');
  const ofWhich: boolean[] = new Array(n).fill(false);
  const ords = rows.map((r, i) => {
    const o = ordinalOf(r.name);
    const rank = opts.ranks?.[i];
    return rank === undefined ? o : { ...o, rank };
  });
  const vecs = rows.map((r) => vecOf(r, opts.cols, opts.decimals));
  // children of one parent come either as an unprefixed run or as a numbered list; a second kind after the
  // first is another breakdown of the same parent (济源 表1: 一般性项目 + 专项资金, then 1、… 9、 by class)
  const breakdown: number[] = new Array(n).fill(0);
  const lastKind = new Map<number, { kind: 'run' | 'ordinal'; index: number }>();
  const kindOf = (p: number | undefined, kind: 'run' | 'ordinal'): number => {
    if (p === undefined) return 0;
    const last = lastKind.get(p);
    const index = !last ? 0 : last.kind === kind ? last.index : last.index + 1;
    lastKind.set(p, { kind, index });
    return index;
  };

  const stack: { rank: number; idx: number }[] = [];
  let run: number[] = [];
  let runParent: number | undefined;

  const flushRun = () => {
    if (run.length > 0) inferRun(run, runParent);
    run = [];
  };

  const inferRun = (idxs: number[], under: number | undefined) => {
    const baseDepth = under === undefined ? 0 : depth[under] + 1;
    const depthLeft = Math.max(1, opts.maxDepth - baseDepth);
    // a run is a breakdown of its parent of its own: it adds up to the whole parent
    const target = under !== undefined ? vecs[under] : topTarget(idxs);
    // 类 names anchor the top level only; under a numbered parent they are ordinary items
    const local = inferLevels(
      idxs.map((i) => vecs[i]),
      idxs.map((i) => rows[i].name),
      depthLeft,
      target,
      under === undefined ? opts.anchors : undefined,
    );
    const b = kindOf(under, 'run');
    idxs.forEach((rowIdx, k) => {
      const p = local.parent[k];
      if (p === undefined) breakdown[rowIdx] = b;
      parent[rowIdx] = p === undefined ? under : idxs[p];
      depth[rowIdx] = baseDepth + local.depth[k];
      from[rowIdx] = local.from[k];
    });
  };

  const topTarget = (idxs: number[]): Vec | undefined => {
    if (!opts.target) return undefined;
    let t = opts.target;
    for (let i = 0; i < n; i++)
      if (parent[i] === undefined && !idxs.includes(i) && !ofWhich[i] && i < idxs[0]) t = sub(t, vecs[i]);
    // rows after the run at top level are not known yet: only constrain when the run reaches the end
    return idxs[idxs.length - 1] === n - 1 ? t : undefined;
  };

  const headsList = (i: number, rank: number): boolean => {
    let sum = vecs[i].map(() => 0);
    let terms = 0;
    for (let j = i + 1; j < n; j++) {
      const r = ords[j].rank;
      if (r === 0 ? !ords[j].ofWhich : r < rank) break;
      if (r === rank && !(ords[j].ofWhich && r === 0)) {
        sum = sum.map((v, k) => v + vecs[j][k]);
        terms++;
      }
    }
    return isZero(vecs[i]) || close(sum, vecs[i], terms);
  };

  for (let i = 0; i < n; i++) {
    const o = ords[i];
    if (o.ofWhich && o.rank === 0) {
      // 其中：… without a list number: a part of the row above, not summed
      flushRun();
      ofWhich[i] = true;
      let p = i - 1;
      while (p >= 0 && ofWhich[p]) p--;
      parent[i] = p >= 0 ? p : undefined;
      depth[i] = p >= 0 ? depth[p] + 1 : 0;
      from[i] = 'ordinal';
      continue;
    }
    if (o.rank > 0) {
      flushRun();
      while (stack.length && stack[stack.length - 1].rank >= o.rank) stack.pop();
      const top = stack[stack.length - 1];
      parent[i] = top?.idx;
      breakdown[i] = kindOf(top?.idx, 'ordinal');
      depth[i] = top ? depth[top.idx] + 1 : 0;
      from[i] = 'ordinal';
      stack.push({ rank: o.rank, idx: i });
      continue;
    }
    // unprefixed: a heading for an ordinal list that follows? Only when the list adds up to it (济源 表1:
    // 1、… 9、 follow 专项资金 but add up to 二、项目支出, so they are not its parts)
    const next = ords[i + 1];
    if (opts.headings?.[i] && next) {
      flushRun();
      const rank = next.rank > 0 ? next.rank - 0.5 : 0.75;
      while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
      const above = stack[stack.length - 1];
      parent[i] = above?.idx;
      breakdown[i] = kindOf(above?.idx, 'ordinal');
      depth[i] = above ? depth[above.idx] + 1 : 0;
      from[i] = 'label';
      stack.push({ rank, idx: i });
      continue;
    }
    const top = stack[stack.length - 1];
    if (next && next.rank > 0 && (!top || next.rank > top.rank) && headsList(i, next.rank)) {
      const rank = next.rank - 0.5;
      if (!top || rank > top.rank) {
        flushRun();
        parent[i] = top?.idx;
        breakdown[i] = kindOf(top?.idx, 'ordinal');
        depth[i] = top ? depth[top.idx] + 1 : 0;
        from[i] = 'ordinal';
        stack.push({ rank, idx: i });
        continue;
      }
    }
    if (run.length === 0) runParent = top?.idx;
    run.push(i);
  }
  flushRun();
  return { parent, depth, from, ofWhich, breakdown };
}

/** Levels of a names-only run: anchors first, then amounts. */
function inferLevels(
  vecs: Vec[],
  names: string[],
  maxDepth: number,
  target: Vec | undefined,
  anchors: Set<string> | undefined,
): { parent: (number | undefined)[]; depth: number[]; from: ('name' | 'amounts' | 'label')[] } {
  const n = vecs.length;
  const parent: (number | undefined)[] = new Array(n).fill(undefined);
  const depth: number[] = new Array(n).fill(0);
  const from: ('name' | 'amounts' | 'label')[] = new Array(n).fill('label');
  const isAnchor = names.map((s) => !!anchors && anchors.has(bareLabel(s)));
  if (maxDepth <= 1 || n === 1) return { parent, depth, from };
  if (isAnchor.some((a) => a)) {
    // rows before the first anchor are parsed on their own; each anchor heads the rows up to the next one
    const starts = isAnchor.map((a, i) => (a ? i : -1)).filter((i) => i >= 0);
    if (starts[0] > 0) place(0, starts[0], undefined, 0, undefined);
    starts.forEach((s, k) => {
      const e = k + 1 < starts.length ? starts[k + 1] : n;
      from[s] = 'name';
      if (e > s + 1) place(s + 1, e, s, 1, vecs[s]);
    });
    return { parent, depth, from };
  }
  place(0, n, undefined, 0, target);
  return { parent, depth, from };

  function place(start: number, end: number, under: number | undefined, base: number, want: Vec | undefined) {
    const left = maxDepth - base;
    const slice = vecs.slice(start, end);
    let nodes: Node[] | null = null;
    if (left > 1 || want) {
      const p = new Parser(slice);
      nodes = want ? p.parse(0, slice.length, want, left) : null;
      if (!nodes) nodes = new Parser(slice).parse(0, slice.length, null, left);
    }
    if (!nodes) nodes = slice.map((_, i) => ({ idx: i, children: [] }));
    const walk = (ns: Node[], par: number | undefined, d: number) => {
      for (const nd of ns) {
        const i = start + nd.idx;
        parent[i] = par;
        depth[i] = d;
        from[i] = 'amounts';
        walk(nd.children, i, d + 1);
      }
    };
    walk(nodes, under, base);
  }
}
