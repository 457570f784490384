import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

interface Point { x: number; y: number; }
interface Stroke { width: number; points: Point[]; }

/** What every pad event carries: the drawing as `width × height` ink bytes (0 = none, 255 = full), base64. */
export interface PadDetail {
  pixels: string;
  width: number;
  height: number;
  strokes: number;
  /** Date.now() when the event was dispatched. */
  t: number;
  /** Increases with every event, so the server can acknowledge the drawing it has handled. */
  seq: number;
}

/**
 * A drawing pad for digits. Pointer events cover mouse, touch and pen (with pointer capture, so a stroke
 * leaving the canvas still ends); strokes are smoothed with quadratic curves through the midpoints.
 * Strokes are kept as points in a `size × size` space, so the payload is rendered afresh at `payload-size`
 * (area-smoothed by the canvas) and undo simply redraws the rest.
 *
 * Events (detail: PadDetail):
 * - `pad-changed`: while drawing, at most every `change-delay` ms (trailing), for live predictions
 * - `pad-stroke-end`: pen up (and after undo)
 * - `pad-cleared`: cleared (button, Escape or Delete)
 * Keys when focused: Escape / Delete / Backspace clear, Ctrl+Z (⌘Z) undoes.
 * The server acknowledges each handled event by setting `processedSeq` to its `seq`.
 */
@customElement('drawing-pad')
export class DrawingPad extends LitElement {
  static styles = css`
    :host { display: inline-flex; flex-direction: column; gap: var(--lumo-space-s, 8px); }
    canvas {
      display: block; width: var(--pad-size, 280px); height: var(--pad-size, 280px);
      background: #fff; border: 1px solid var(--lumo-contrast-30pct, #aaa); border-radius: 8px;
      touch-action: none; cursor: crosshair; user-select: none;
    }
    canvas:focus-visible { outline: 2px solid var(--lumo-primary-color, #1676f3); outline-offset: 2px; }
    .tools { display: flex; align-items: center; gap: var(--lumo-space-s, 8px); flex-wrap: wrap;
      font-family: var(--lumo-font-family, sans-serif); font-size: var(--lumo-font-size-s, 14px);
      color: var(--lumo-secondary-text-color, #555); }
    button { font: inherit; padding: 4px 12px; border-radius: var(--lumo-border-radius-m, 4px); cursor: pointer;
      border: none; background: var(--lumo-contrast-5pct, #eee); color: var(--lumo-primary-text-color, #1676f3); }
    button:hover:not([disabled]) { background: var(--lumo-contrast-10pct, #ddd); }
    button[disabled] { color: var(--lumo-disabled-text-color, #aaa); cursor: default; }
    label { display: inline-flex; align-items: center; gap: 4px; }
    input[type=range] { width: 90px; }
  `;

  /** Side of the drawing space the strokes live in (CSS pixels of the canvas by default). */
  @property({ type: Number }) size = 280;
  /** Pen width in drawing-space pixels. */
  @property({ type: Number, attribute: 'pen-width', reflect: true }) penWidth = 18;
  /** Side of the pixel payload sent with each event. */
  @property({ type: Number, attribute: 'payload-size' }) payloadSize = 140;
  /** Most frequent pad-changed while drawing, in ms. */
  @property({ type: Number, attribute: 'change-delay' }) changeDelay = 150;

  /** The `seq` of the last event the server has handled (set by the server). */
  @property({ type: Number, attribute: false }) processedSeq = 0;

  @state() private strokeCount = 0;

  /** Date.now() of the last pen-up, for latency measurements. */
  lastStrokeEndAt = 0;
  /** The `seq` of the last event dispatched. */
  lastSeq = 0;

  private strokes: Stroke[] = [];
  private current?: Stroke;
  private pointerId?: number;
  private changeTimer?: number;
  /** A live update is due but the server has not answered the previous event yet. */
  private changeWaiting = false;
  private frame?: number;
  private payloadCanvas?: HTMLCanvasElement;

  render() {
    return html`
      <canvas part="canvas" tabindex="0" aria-label="Drawing pad: draw a digit"
        @pointerdown=${this.onDown} @pointermove=${this.onMove} @pointerup=${this.onUp}
        @pointercancel=${this.onUp} @lostpointercapture=${this.onUp} @keydown=${this.onKey}></canvas>
      <div class="tools">
        <button id="undo" title="Undo the last stroke (Ctrl+Z)" ?disabled=${this.strokeCount === 0}
          @click=${() => this.undo()}>Undo</button>
        <button id="clear" title="Clear the pad (Esc)" ?disabled=${this.strokeCount === 0}
          @click=${() => this.clear()}>Clear</button>
        <label title="Pen width">Pen
          <input id="pen-width" type="range" min="6" max="40" step="1" .value=${String(this.penWidth)}
            @input=${(e: Event) => { this.penWidth = Number((e.target as HTMLInputElement).value); }}>
        </label>
      </div>`;
  }

  protected firstUpdated() {
    this.resizeCanvas();
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('size')) {
      this.resizeCanvas();
    }
    if (changed.has('processedSeq') && this.changeWaiting && this.processedSeq >= this.lastSeq) {
      this.changeWaiting = false;
      if (this.current) this.emit('pad-changed');
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearTimeout(this.changeTimer);
    if (this.frame) cancelAnimationFrame(this.frame);
  }

  /** Removes every stroke. */
  clear() {
    window.clearTimeout(this.changeTimer);
    this.changeWaiting = false;
    this.strokes = [];
    this.current = undefined;
    this.strokeCount = 0;
    this.redraw();
    this.emit('pad-cleared');
  }

  /** Removes the last stroke. */
  undo() {
    if (this.strokes.length === 0) return;
    window.clearTimeout(this.changeTimer);
    this.strokes.pop();
    this.current = undefined;
    this.strokeCount = this.strokes.length;
    this.redraw();
    this.emit(this.strokes.length === 0 ? 'pad-cleared' : 'pad-stroke-end');
  }

  /** The drawing now, as sent in events. */
  detail(): PadDetail {
    const n = this.payloadSize;
    if (this.strokes.length === 0) {
      return { pixels: '', width: n, height: n, strokes: 0, t: Date.now(), seq: this.lastSeq };
    }
    if (!this.payloadCanvas) this.payloadCanvas = document.createElement('canvas');
    const c = this.payloadCanvas;
    c.width = n;
    c.height = n;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, n, n);
    ctx.setTransform(n / this.size, 0, 0, n / this.size, 0, 0);
    this.paint(ctx);
    // The alpha channel is exactly the ink coverage (strokes on a transparent canvas).
    const rgba = ctx.getImageData(0, 0, n, n).data;
    let binary = '';
    const chunk: number[] = [];
    for (let i = 0; i < n * n; i++) {
      chunk.push(rgba[i * 4 + 3]);
      if (chunk.length === 4096) { binary += String.fromCharCode(...chunk); chunk.length = 0; }
    }
    binary += String.fromCharCode(...chunk);
    return { pixels: btoa(binary), width: n, height: n, strokes: this.strokes.length, t: Date.now(), seq: this.lastSeq };
  }

  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
  }

  private resizeCanvas() {
    const canvas = this.canvas;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(this.size * ratio);
    canvas.height = Math.round(this.size * ratio);
    this.redraw();
  }

  private toPoint(e: PointerEvent): Point {
    const r = this.canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * this.size / r.width, y: (e.clientY - r.top) * this.size / r.height };
  }

  private onDown = (e: PointerEvent) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (this.current) return; // a second finger does not start a second stroke
    e.preventDefault();
    this.canvas.focus();
    this.canvas.setPointerCapture(e.pointerId);
    this.pointerId = e.pointerId;
    this.current = { width: this.penWidth, points: [this.toPoint(e)] };
    this.strokes.push(this.current);
    this.strokeCount = this.strokes.length;
    this.scheduleRedraw();
  };

  private onMove = (e: PointerEvent) => {
    if (!this.current || e.pointerId !== this.pointerId) return;
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
    for (const ev of events.length > 0 ? events : [e]) {
      const p = this.toPoint(ev);
      const last = this.current.points[this.current.points.length - 1];
      if (Math.hypot(p.x - last.x, p.y - last.y) >= 0.75) this.current.points.push(p);
    }
    this.scheduleRedraw();
    this.scheduleChange();
  };

  private onUp = (e: PointerEvent) => {
    if (!this.current || e.pointerId !== this.pointerId) return;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    this.current = undefined;
    this.pointerId = undefined;
    window.clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    this.changeWaiting = false;
    this.redraw();
    this.lastStrokeEndAt = Date.now();
    this.emit('pad-stroke-end');
  };

  private onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.clear();
    } else if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      this.undo();
    }
  };

  /**
   * Live updates while drawing: at most one per `changeDelay`, and only one waiting for the server at a time
   * (a slow server gets the newest drawing next instead of a queue of old ones, and pen-up is not held up).
   */
  private scheduleChange() {
    if (this.changeTimer !== undefined || this.changeWaiting) return;
    this.changeTimer = window.setTimeout(() => {
      this.changeTimer = undefined;
      if (!this.current) return;
      if (this.processedSeq < this.lastSeq) {
        this.changeWaiting = true;
      } else {
        this.emit('pad-changed');
      }
    }, this.changeDelay);
  }

  private scheduleRedraw() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.redraw();
    });
  }

  private redraw() {
    const canvas = this.canvas;
    if (!canvas) return;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(canvas.width / this.size, 0, 0, canvas.height / this.size, 0, 0);
    this.paint(ctx);
  }

  /** Draws every stroke in opaque black on whatever transform the context has. */
  private paint(ctx: CanvasRenderingContext2D) {
    ctx.strokeStyle = '#000';
    ctx.fillStyle = '#000';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const s of this.strokes) {
      const pts = s.points;
      if (pts.length === 1) {
        ctx.beginPath();
        ctx.arc(pts[0].x, pts[0].y, s.width / 2, 0, Math.PI * 2);
        ctx.fill();
        continue;
      }
      ctx.lineWidth = s.width;
      ctx.beginPath();
      ctx.moveTo(pts[0].x, pts[0].y);
      // Quadratic curves through the midpoints: each sample point is a control point, so corners round off.
      for (let i = 1; i < pts.length - 1; i++) {
        const mx = (pts[i].x + pts[i + 1].x) / 2;
        const my = (pts[i].y + pts[i + 1].y) / 2;
        ctx.quadraticCurveTo(pts[i].x, pts[i].y, mx, my);
      }
      const last = pts[pts.length - 1];
      ctx.lineTo(last.x, last.y);
      ctx.stroke();
    }
  }

  private emit(type: 'pad-changed' | 'pad-stroke-end' | 'pad-cleared') {
    this.lastSeq++;
    this.dispatchEvent(new CustomEvent<PadDetail>(type, { detail: this.detail(), bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'drawing-pad': DrawingPad; }
}
