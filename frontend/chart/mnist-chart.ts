import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Chart, registerables, ChartConfiguration } from 'chart.js';

Chart.register(...registerables);

/**
 * MNIST Lab's Chart.js element. The server sets `config` (a Chart.js configuration as JSON) and may then
 * stream points with appendData(); calls that arrive before the chart exists are buffered.
 * `chart` is public so browser tests can read what is drawn.
 */
@customElement('mnist-chart')
export class MnistChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; min-height: 200px; }
    .box { position: absolute; inset: 0; }
  `;

  @property({ type: String }) config = '';

  chart?: Chart;
  /** Epoch-millis when data last changed by appendData()/setData()/setPointStyle() was drawn (push latency). */
  lastAppendAt = 0;
  private pending: Array<() => void> = [];
  private updateQueued = false;

  render() {
    return html`<div class="box"><canvas></canvas></div>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('config') && this.config) {
      this.createChart();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && this.config && !this.chart) {
      this.createChart();
    }
  }

  private createChart() {
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
    const cfg = JSON.parse(this.config) as ChartConfiguration;
    cfg.options = { ...(cfg.options ?? {}), responsive: true, maintainAspectRatio: false };
    (cfg.options as any).onClick = (_e: unknown, elements: Array<{ datasetIndex: number; index: number }>) => {
      if (elements.length > 0) {
        const el = elements[0];
        this.dispatchEvent(new CustomEvent('chart-click', {
          detail: { datasetIndex: el.datasetIndex, index: el.index }
        }));
      }
    };
    this.chart?.destroy();
    this.chart = new Chart(canvas, cfg);
    const queued = this.pending;
    this.pending = [];
    queued.forEach((f) => f());
    this.chart.update('none');
  }

  /** Appends one x label and one value per dataset (null leaves a gap). */
  appendData(label: string, values: Array<number | null>) {
    this.withChart((chart) => {
      chart.data.labels?.push(label);
      values.forEach((v, i) => {
        const ds = chart.data.datasets[i];
        if (ds) (ds.data as Array<number | null>).push(v);
      });
    });
  }

  /** Replaces one dataset's values (and optionally the labels). */
  setData(datasetIndex: number, values: Array<number | null>, labels?: string[]) {
    this.withChart((chart) => {
      if (labels) chart.data.labels = labels;
      const ds = chart.data.datasets[datasetIndex];
      if (ds) ds.data = values as any;
    });
  }

  /** Sets a per-point property of one dataset, e.g. pointRadius, to highlight an epoch. */
  setPointStyle(datasetIndex: number, key: string, values: Array<number | string>) {
    this.withChart((chart) => {
      const ds = chart.data.datasets[datasetIndex] as any;
      if (ds) ds[key] = values;
    });
  }

  private withChart(f: (chart: Chart) => void) {
    if (!this.chart) {
      this.pending.push(() => f(this.chart!));
      return;
    }
    f(this.chart);
    this.queueRedraw();
  }

  /**
   * One redraw per server message however many changes it carries (an epoch brings a point and its
   * best/overfitting marks): the redraw runs as a microtask, after the message's other calls and before
   * the browser paints, so nothing waits for it; with ten pages open each redraw saved is CPU for training.
   */
  private queueRedraw() {
    if (this.updateQueued) return;
    this.updateQueued = true;
    queueMicrotask(() => {
      this.updateQueued = false;
      if (!this.chart) return;
      this.chart.update('none');
      this.lastAppendAt = Date.now();
    });
  }
}
