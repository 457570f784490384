import { LitElement, html, svg, css, PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** One vertical axis; `log` spaces it logarithmically. The last axis is the metric. */
type Axis = { label: string; log: boolean; min: number; max: number };
/** One trial: its values in the axes' order and its metric (0..1, colours the line). */
type Line = { id: number; values: number[]; metric: number };
type Data = { axes: Axis[]; lines: Line[] };

const TOP = 28;
const BOTTOM = 22;
const SIDE = 60;

/** Where a value lies on its axis, 0 (bottom) to 1 (top). */
function position(axis: Axis, v: number): number {
  const log = axis.log && axis.min > 0 && v > 0;
  const f = (x: number) => (log ? Math.log(x) : x);
  const lo = f(axis.min);
  const hi = f(axis.max);
  return hi > lo ? (f(v) - lo) / (hi - lo) : 0.5;
}

function ticks(axis: Axis): number[] {
  if (axis.max <= axis.min) return [axis.min];
  if (axis.log && axis.min > 0) {
    const out: number[] = [];
    for (let e = Math.ceil(Math.log10(axis.min)); e <= Math.floor(Math.log10(axis.max)); e++) out.push(10 ** e);
    return out.length >= 2 ? out : [axis.min, axis.max];
  }
  return [0, 0.25, 0.5, 0.75, 1].map((f) => axis.min + f * (axis.max - axis.min));
}

function label(v: number): string {
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/**
 * Parallel coordinates of a sweep: an axis per swept setting plus the metric, a line per trial coloured from
 * the theme's error colour (worst) to its success colour (best). Dragging along an axis selects a range
 * (a click clears it); lines outside every range fade at once, and when the drag ends `selection-changed` tells
 * the server which trial ids remain. `line-count` and `selected-count` attributes let browser tests read what
 * is drawn.
 */
@customElement('parallel-coordinates')
export class ParallelCoordinates extends LitElement {
  static styles = css`
    :host { display: block; position: relative; height: 320px; user-select: none;
      --pc-low-color: var(--lumo-error-color, #d33);
      --pc-high-color: var(--lumo-success-color, #2a2);
      --pc-faded-color: var(--lumo-contrast-10pct, rgba(0,0,0,.1));
      --pc-axis-color: var(--lumo-contrast-50pct, #888);
      --pc-text-color: var(--lumo-body-text-color, #333);
      --pc-brush-color: var(--lumo-primary-color, #16f); }
    svg { width: 100%; height: 100%; display: block; font: var(--lumo-font-size-xs, 12px) var(--lumo-font-family, sans-serif); }
    .axis { stroke: var(--pc-axis-color); stroke-width: 1; }
    text { fill: var(--pc-text-color); }
    .title { font-weight: 600; }
    .line { fill: none; stroke-width: 2; }
    .line.faded { stroke: var(--pc-faded-color) !important; stroke-width: 1; }
    .hit { fill: transparent; cursor: crosshair; }
    .brush { fill: var(--pc-brush-color); fill-opacity: 0.15; stroke: var(--pc-brush-color); pointer-events: none; }
  `;

  /** {axes, lines} as JSON, set by the server. */
  @property({ type: String }) data = '';
  @property({ type: Number, attribute: 'line-count', reflect: true }) lineCount = 0;
  @property({ type: Number, attribute: 'selected-count', reflect: true }) selectedCount = 0;

  @state() private width = 800;
  @state() private height = 320;
  /** Selected ranges per axis index, as positions 0..1; kept when the data is refreshed. */
  @state() private brushes = new Map<number, [number, number]>();
  private parsed: Data = { axes: [], lines: [] };
  private drag?: { axis: number; from: number };
  private resize?: ResizeObserver;
  private lastSent = '';

  connectedCallback() {
    super.connectedCallback();
    this.resize = new ResizeObserver(([e]) => {
      this.width = Math.max(200, e.contentRect.width);
      this.height = Math.max(150, e.contentRect.height);
    });
    this.resize.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected willUpdate(changed: PropertyValues) {
    if (changed.has('data')) {
      this.parsed = this.data ? (JSON.parse(this.data) as Data) : { axes: [], lines: [] };
      if ([...this.brushes.keys()].some((i) => i >= this.parsed.axes.length)) this.brushes = new Map();
    }
    this.lineCount = this.parsed.lines.length;
    this.selectedCount = this.parsed.lines.filter((l) => this.selected(l)).length;
  }

  protected updated() {
    // Told once the drag ends: the table that follows the selection changes height, and the page would move
    // this chart under the pointer mid-drag.
    if (this.drag) return;
    const filtered = this.brushes.size > 0;
    const ids = this.parsed.lines.filter((l) => this.selected(l)).map((l) => l.id).join(',');
    const message = filtered + ':' + ids;
    if (message !== this.lastSent && (filtered || this.lastSent !== '')) {
      this.lastSent = message;
      this.dispatchEvent(new CustomEvent('selection-changed', { detail: { filtered, ids } }));
    }
  }

  private selected(line: Line): boolean {
    for (const [i, [lo, hi]] of this.brushes) {
      const p = position(this.parsed.axes[i], line.values[i]);
      if (p < lo - 1e-9 || p > hi + 1e-9) return false;
    }
    return true;
  }

  private x(i: number): number {
    const n = this.parsed.axes.length;
    return n <= 1 ? this.width / 2 : SIDE + (i * (this.width - 2 * SIDE)) / (n - 1);
  }

  private y(p: number): number {
    return TOP + (1 - p) * (this.height - TOP - BOTTOM);
  }

  /** The position 0..1 of a pointer on the axes' height. */
  private at(e: PointerEvent): number {
    const box = (this.renderRoot.querySelector('svg') as SVGSVGElement).getBoundingClientRect();
    const p = 1 - (e.clientY - box.top - TOP) / (this.height - TOP - BOTTOM);
    return Math.max(0, Math.min(1, p));
  }

  private down(axis: number, e: PointerEvent) {
    (e.target as Element).setPointerCapture(e.pointerId);
    this.drag = { axis, from: this.at(e) };
  }

  private move(e: PointerEvent) {
    if (!this.drag) return;
    const to = this.at(e);
    const next = new Map(this.brushes);
    next.set(this.drag.axis, [Math.min(this.drag.from, to), Math.max(this.drag.from, to)]);
    this.brushes = next;
  }

  private up(e: PointerEvent) {
    if (!this.drag) return;
    const to = this.at(e);
    const next = new Map(this.brushes);
    if (Math.abs(to - this.drag.from) * (this.height - TOP - BOTTOM) < 3) {
      next.delete(this.drag.axis);
    } else {
      next.set(this.drag.axis, [Math.min(this.drag.from, to), Math.max(this.drag.from, to)]);
    }
    this.drag = undefined;
    this.brushes = next;
  }

  /** Selects [lo, hi] (in the axis's own units) on an axis, or clears it with null: for tests and scripts. */
  brush(axis: number, lo: number | null, hi?: number) {
    const next = new Map(this.brushes);
    if (lo === null || hi === undefined) next.delete(axis);
    else {
      const a = this.parsed.axes[axis];
      const p = [position(a, lo), position(a, hi)];
      next.set(axis, [Math.min(p[0], p[1]), Math.max(p[0], p[1])]);
    }
    this.brushes = next;
  }

  render() {
    const { axes, lines } = this.parsed;
    const metric = axes.length - 1;
    const range = axes[metric];
    return html`<svg width=${this.width} height=${this.height} @pointermove=${this.move} @pointerup=${this.up}>
      ${lines.map((l) => {
        const d = l.values.map((v, i) => `${i ? 'L' : 'M'}${this.x(i)},${this.y(position(axes[i], v))}`).join(' ');
        const share = range ? Math.round(100 * position(range, l.metric)) : 100;
        const stroke = `color-mix(in srgb, var(--pc-high-color) ${share}%, var(--pc-low-color))`;
        return svg`<path class="line ${this.selected(l) ? '' : 'faded'}" d=${d} style="stroke:${stroke}"
            data-id=${l.id}><title>Trial ${l.id}</title></path>`;
      })}
      ${axes.map((a, i) => svg`
        <line class="axis" x1=${this.x(i)} x2=${this.x(i)} y1=${this.y(0)} y2=${this.y(1)}></line>
        <text class="title" x=${this.x(i)} y=${TOP - 12} text-anchor="middle">${a.label}${a.log ? ' (log)' : ''}</text>
        ${ticks(a).map((t) => svg`<text x=${this.x(i) - 5} y=${this.y(position(a, t)) + 4}
            text-anchor="end">${label(t)}</text>`)}
        ${this.brushes.has(i) ? svg`<rect class="brush" x=${this.x(i) - 8} width="16"
            y=${this.y(this.brushes.get(i)![1])}
            height=${Math.max(1, this.y(this.brushes.get(i)![0]) - this.y(this.brushes.get(i)![1]))}></rect>` : ''}
        <rect class="hit" data-axis=${i} x=${this.x(i) - 12} width="24" y=${this.y(1)} height=${this.y(0) - this.y(1)}
            @pointerdown=${(e: PointerEvent) => this.down(i, e)}></rect>`)}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parallel-coordinates': ParallelCoordinates;
  }
}
