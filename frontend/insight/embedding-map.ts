import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../dataset/mnist-digit';

/** Ten label colours that read on light and dark backgrounds (Tableau 10). */
const COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#bab0ac'];
const PAD = 12;
const HIT_PX = 7;

/**
 * A 2-D map of up to tens of thousands of samples on one canvas, coloured by label, misclassified ones ringed.
 * Drag pans, the wheel zooms at the pointer, a double click resets. Hovering a point raises `point-hover`
 * (the server answers with its thumbnail's bytes), clicking one raises `point-click`. The `point-count`
 * attribute tells tests how many points were drawn; `screenPosition(i)` where point i is.
 *
 * `points` is base64 of, for n points: n float32 x, n float32 y, n uint8 labels, n uint8 flags (1 = wrong).
 */
@customElement('embedding-map')
export class EmbeddingMap extends LitElement {
  static styles = css`
    :host { display: block; position: relative; height: 560px; user-select: none; touch-action: none;
      border: 1px solid var(--lumo-contrast-10pct, #ddd); border-radius: var(--lumo-border-radius-m, 4px); }
    canvas { width: 100%; height: 100%; display: block; cursor: crosshair; }
    .tip { position: absolute; pointer-events: none; padding: 4px 6px; border-radius: 4px;
      background: var(--lumo-base-color, #fff); color: var(--lumo-body-text-color, #222);
      box-shadow: var(--lumo-box-shadow-s, 0 1px 4px rgba(0,0,0,.3)); font: var(--lumo-font-size-xs, 12px) var(--lumo-font-family, sans-serif);
      display: flex; gap: 6px; align-items: center; }
    .legend { position: absolute; top: 6px; right: 8px; display: flex; flex-direction: column; gap: 2px;
      font: var(--lumo-font-size-xxs, 11px) var(--lumo-font-family, sans-serif); color: var(--lumo-secondary-text-color, #555);
      background: color-mix(in srgb, var(--lumo-base-color, #fff) 80%, transparent); padding: 4px 6px; border-radius: 4px; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
    .ring { display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 4px; vertical-align: middle;
      border: 2px solid var(--lumo-body-text-color, #222); }
    mnist-digit { width: 56px; height: 56px; }
  `;

  @property({ type: String }) points = '';
  /** Label names as JSON, e.g. ["0", ..., "9"] or the Fashion-MNIST classes. */
  @property({ type: String }) labels = '';
  /** Base64 bytes of the hovered point's image, answered by the server, and which point it is. */
  @property({ type: String }) thumbnail = '';
  @property({ type: Number, attribute: 'thumbnail-index' }) thumbnailIndex = -1;
  /** The server's words about the hovered point (e.g. "Test #42: 4, predicted 9"). */
  @property({ type: String }) caption = '';
  @property({ type: Number, attribute: 'point-count', reflect: true }) pointCount = 0;

  @state() private hover = -1;
  @state() private tipAt: [number, number] = [0, 0];
  private x = new Float32Array(0);
  private y = new Float32Array(0);
  private label = new Uint8Array(0);
  private wrong = new Uint8Array(0);
  private names: string[] = [];
  private bounds = { minX: 0, maxX: 1, minY: 0, maxY: 1 };
  /** Zoom and pan on top of fitting the bounds into the canvas. */
  private zoom = 1;
  private panX = 0;
  private panY = 0;
  private drag?: { x: number; y: number; panX: number; panY: number; moved: boolean };
  private resize?: ResizeObserver;
  private frame = 0;

  connectedCallback() {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => this.schedule());
    this.resize.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected willUpdate(changed: PropertyValues) {
    if (changed.has('points')) this.parse();
    if (changed.has('labels')) this.names = this.labels ? (JSON.parse(this.labels) as string[]) : [];
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('points') || changed.has('labels')) this.schedule();
  }

  private parse() {
    const raw = this.points ? atob(this.points) : '';
    const n = raw.length / 10;
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    // Java writes big-endian floats
    const view = new DataView(bytes.buffer);
    this.x = new Float32Array(n);
    this.y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      this.x[i] = view.getFloat32(4 * i);
      this.y[i] = view.getFloat32(4 * (n + i));
    }
    this.label = bytes.slice(8 * n, 9 * n);
    this.wrong = bytes.slice(9 * n, 10 * n);
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, this.x[i]); maxX = Math.max(maxX, this.x[i]);
      minY = Math.min(minY, this.y[i]); maxY = Math.max(maxY, this.y[i]);
    }
    this.bounds = n ? { minX, maxX, minY, maxY } : { minX: 0, maxX: 1, minY: 0, maxY: 1 };
    this.zoom = 1; this.panX = 0; this.panY = 0;
    this.hover = -1;
  }

  private canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas');
  }

  /** Where point i lies in CSS pixels relative to the canvas (for tests and scripts). */
  screenPosition(i: number): [number, number] {
    const c = this.canvas();
    const w = c ? c.clientWidth : 0;
    const h = c ? c.clientHeight : 0;
    const { minX, maxX, minY, maxY } = this.bounds;
    const s = Math.min((w - 2 * PAD) / Math.max(1e-9, maxX - minX), (h - 2 * PAD) / Math.max(1e-9, maxY - minY));
    const cx = w / 2 + ((this.x[i] - (minX + maxX) / 2) * s) * this.zoom + this.panX;
    const cy = h / 2 - ((this.y[i] - (minY + maxY) / 2) * s) * this.zoom + this.panY;
    return [cx, cy];
  }

  private schedule() {
    if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  private draw() {
    const c = this.canvas();
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const n = this.x.length;
    const r = Math.max(1.5, Math.min(4, 1.5 * Math.sqrt(this.zoom)));
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) [xs[i], ys[i]] = this.screenPosition(i);
    // one fill per label: 10 state changes instead of 10,000
    for (let l = 0; l < COLORS.length; l++) {
      ctx.fillStyle = COLORS[l];
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (this.label[i] !== l || xs[i] < -r || ys[i] < -r || xs[i] > w + r || ys[i] > h + r) continue;
        ctx.moveTo(xs[i] + r, ys[i]);
        ctx.arc(xs[i], ys[i], r, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    ctx.strokeStyle = getComputedStyle(this).getPropertyValue('--lumo-body-text-color').trim() || '#222';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (!this.wrong[i]) continue;
      ctx.moveTo(xs[i] + r + 2, ys[i]);
      ctx.arc(xs[i], ys[i], r + 2, 0, 2 * Math.PI);
    }
    ctx.stroke();
    if (this.hover >= 0 && this.hover < n) {
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(xs[this.hover], ys[this.hover], r + 5, 0, 2 * Math.PI);
      ctx.stroke();
    }
    this.pointCount = n;
  }

  /** The point nearest to the pointer within a few pixels, or -1. */
  private nearest(e: PointerEvent | MouseEvent): number {
    const box = this.canvas()!.getBoundingClientRect();
    const px = e.clientX - box.left;
    const py = e.clientY - box.top;
    let best = -1;
    let bestD = HIT_PX * HIT_PX;
    for (let i = 0; i < this.x.length; i++) {
      const [x, y] = this.screenPosition(i);
      const d = (x - px) * (x - px) + (y - py) * (y - py);
      if (d <= bestD) { bestD = d; best = i; }
    }
    return best;
  }

  private down(e: PointerEvent) {
    this.canvas()!.setPointerCapture(e.pointerId);
    this.drag = { x: e.clientX, y: e.clientY, panX: this.panX, panY: this.panY, moved: false };
  }

  private move(e: PointerEvent) {
    if (this.drag) {
      const dx = e.clientX - this.drag.x;
      const dy = e.clientY - this.drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) this.drag.moved = true;
      if (this.drag.moved) {
        this.panX = this.drag.panX + dx;
        this.panY = this.drag.panY + dy;
        this.schedule();
        return;
      }
    }
    const i = this.nearest(e);
    const box = this.canvas()!.getBoundingClientRect();
    this.tipAt = [e.clientX - box.left, e.clientY - box.top];
    if (i !== this.hover) {
      this.hover = i;
      this.schedule();
      if (i >= 0) this.dispatchEvent(new CustomEvent('point-hover', { detail: { index: i } }));
    }
  }

  private up(e: PointerEvent) {
    const drag = this.drag;
    this.drag = undefined;
    if (drag && !drag.moved) {
      const i = this.nearest(e);
      if (i >= 0) this.dispatchEvent(new CustomEvent('point-click', { detail: { index: i } }));
    }
  }

  private wheel(e: WheelEvent) {
    e.preventDefault();
    const box = this.canvas()!.getBoundingClientRect();
    const px = e.clientX - box.left - box.width / 2;
    const py = e.clientY - box.top - box.height / 2;
    const factor = Math.exp(-e.deltaY * 0.0015);
    const zoom = Math.max(0.5, Math.min(200, this.zoom * factor));
    const f = zoom / this.zoom;
    // keep the data point under the pointer where it is
    this.panX = px - (px - this.panX) * f;
    this.panY = py - (py - this.panY) * f;
    this.zoom = zoom;
    this.schedule();
  }

  private reset() {
    this.zoom = 1; this.panX = 0; this.panY = 0;
    this.schedule();
  }

  private leave() {
    if (!this.drag && this.hover >= 0) {
      this.hover = -1;
      this.schedule();
    }
  }

  render() {
    const i = this.hover;
    const name = (l: number) => this.names[l] ?? String(l);
    return html`<canvas @pointerdown=${this.down} @pointermove=${this.move} @pointerup=${this.up}
        @pointerleave=${this.leave} @wheel=${this.wheel} @dblclick=${this.reset}></canvas>
      <div class="legend">
        ${COLORS.map((c, l) => html`<span><span class="swatch" style="background:${c}"></span>${name(l)}</span>`)}
        <span><span class="ring"></span>misclassified</span>
      </div>
      ${i >= 0 && i < this.x.length ? html`<div class="tip"
          style="left:${Math.min(this.tipAt[0] + 14, (this.canvas()?.clientWidth ?? 400) - 160)}px;top:${this.tipAt[1] + 14}px">
        ${this.thumbnailIndex === i && this.thumbnail ? html`<mnist-digit .pixels=${this.thumbnail}></mnist-digit>` : ''}
        <span>${this.thumbnailIndex === i && this.caption ? this.caption
          : name(this.label[i]) + (this.wrong[i] ? ' (misclassified)' : '')}</span></div>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'embedding-map': EmbeddingMap;
  }
}
