/** The batch progress bar on a terminal's stderr: files done / total, findings so far, ETA. */
import { Lang } from '../../core/model/findings';

const WIDTH = 24;

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    : `${m}:${String(s % 60).padStart(2, '0')}`;
}

export class Progress {
  private done = 0;
  private findings = 0;
  private errors = 0;
  private lastDraw = 0;
  private shown = false;
  private readonly start = Date.now();

  constructor(
    private readonly total: number,
    private readonly lang: Lang,
    private readonly write: (text: string) => void,
    /** Draws only when stderr is a terminal. */
    readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** One more file finished, with its findings and error-level findings. */
  step(findings: number, errors: number): void {
    this.done++;
    this.findings += findings;
    this.errors += errors;
    const t = this.now();
    if (this.done === this.total || t - this.lastDraw >= 100) {
      this.lastDraw = t;
      this.draw();
    }
  }

  line(): string {
    const filled = this.total ? Math.round((this.done / this.total) * WIDTH) : WIDTH;
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    const elapsed = this.now() - this.start;
    const eta = this.done ? (elapsed / this.done) * (this.total - this.done) : undefined;
    const etaText = eta === undefined ? '--:--' : clock(eta);
    return this.lang === 'zh'
      ? `${bar} ${this.done}/${this.total} 个文件 · 发现 ${this.findings} 项（错误 ${this.errors}）· 剩余约 ${etaText}`
      : `${bar} ${this.done}/${this.total} files · ${this.findings} findings (${this.errors} errors) · ETA ${etaText}`;
  }

  draw(): void {
    if (!this.enabled) return;
    this.write(`\r\x1b[K${this.line()}`);
    this.shown = true;
  }

  /** Remove the bar (before other output, and at the end). */
  clear(): void {
    if (!this.enabled || !this.shown) return;
    this.write('\r\x1b[K');
    this.shown = false;
  }
}
