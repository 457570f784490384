import { LitElement, html, css, PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Chart, registerables, ChartConfiguration } from 'chart.js';

Chart.register(...registerables);

/** A CSS custom property of the page (Lumo's colours follow the light/dark theme), or the fallback. */
function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Text and grid lines in Lumo's colours, so charts read in the light and the dark theme. */
function applyThemeColors() {
  Chart.defaults.color = cssVar('--lumo-secondary-text-color', '#666');
  Chart.defaults.borderColor = cssVar('--lumo-contrast-10pct', 'rgba(0, 0, 0, 0.1)');
}
applyThemeColors();

/** Colours given as "var(--name)" in a configuration, with the dataset and key they belong to. */
type ThemedColor = { target: Record<string, unknown>; key: string; name: string };

const COLOR_KEYS = ['borderColor', 'backgroundColor', 'pointBackgroundColor', 'pointBorderColor'];

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
  private themed: ThemedColor[] = [];
  private static readonly instances = new Set<MnistChart>();
  private static themeObserver?: MutationObserver;
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
    MnistChart.instances.delete(this);
    this.chart?.destroy();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    MnistChart.instances.add(this);
    MnistChart.observeTheme();
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
    this.themed = [];
    for (const ds of (cfg.data?.datasets ?? []) as unknown as Array<Record<string, unknown>>) {
      for (const key of COLOR_KEYS) {
        const value = ds[key];
        const match = typeof value === 'string' ? /^var\((--[\w-]+)\)$/.exec(value.trim()) : null;
        if (match) this.themed.push({ target: ds, key, name: match[1] });
      }
    }
    this.resolveThemedColors();
    this.chart?.destroy();
    this.chart = new Chart(canvas, cfg);
    const queued = this.pending;
    this.pending = [];
    queued.forEach((f) => f());
    this.chart.update('none');
  }

  private resolveThemedColors() {
    this.themed.forEach((t) => { t.target[t.key] = cssVar(t.name, '#888'); });
  }

  /** Redraws every chart in the new colours when the page switches between light and dark. */
  private static observeTheme() {
    if (MnistChart.themeObserver) return;
    MnistChart.themeObserver = new MutationObserver(() => {
      applyThemeColors();
      MnistChart.instances.forEach((c) => {
        if (!c.chart) return;
        c.resolveThemedColors();
        c.chart.update('none');
      });
    });
    MnistChart.themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
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
