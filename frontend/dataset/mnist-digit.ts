import { LitElement, css, html, PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * One 28×28 sample drawn client-side from its bytes (base64 of 784 unsigned bytes, 0 = background), dark ink
 * on light like DigitPng. The explorer sends bytes instead of image URLs: a screen of thumbnails arrives in
 * the same round trip as the rows, with no request per image. Sets the `drawn` attribute once painted.
 */
@customElement('mnist-digit')
export class MnistDigit extends LitElement {
  static styles = css`
    :host { display: inline-block; width: 56px; height: 56px; line-height: 0; }
    canvas { width: 100%; height: 100%; image-rendering: pixelated; }
  `;

  @property({ type: String }) pixels = '';

  render() {
    return html`<canvas width="28" height="28"></canvas>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('pixels')) {
      this.draw();
    }
  }

  private draw() {
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || !this.pixels) {
      this.removeAttribute('drawn');
      return;
    }
    const bytes = atob(this.pixels);
    const image = ctx.createImageData(28, 28);
    const rgba = image.data;
    for (let i = 0; i < 784; i++) {
      const v = 255 - bytes.charCodeAt(i);
      const o = i * 4;
      rgba[o] = v;
      rgba[o + 1] = v;
      rgba[o + 2] = v;
      rgba[o + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
    this.setAttribute('drawn', '');
  }
}
