import { LitElement, css, html, PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The start of a 28×28 8-bit grayscale BMP, base64: file header, info header (top-down rows), a palette that
 * maps ink 0-255 to gray 255-0 (dark ink on light, like DigitPng), and two filler bytes, so that it is
 * 1,080 bytes, a multiple of 3: its base64 then joins the sample's own base64 (its 784 pixel rows) into
 * one valid image without decoding either.
 */
const BMP_HEAD = (() => {
  const offset = 1080;
  const head = new Uint8Array(offset);
  const view = new DataView(head.buffer);
  view.setUint16(0, 0x4d42, true); // "BM"
  view.setUint32(2, offset + 784, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, 28, true);
  view.setInt32(22, -28, true); // negative: rows top to bottom
  view.setUint16(26, 1, true);
  view.setUint16(28, 8, true);
  view.setUint32(46, 256, true);
  for (let i = 0; i < 256; i++) {
    head.fill(255 - i, 54 + i * 4, 57 + i * 4);
  }
  let binary = '';
  head.forEach((b) => (binary += String.fromCharCode(b)));
  return 'data:image/bmp;base64,' + btoa(binary);
})();

/**
 * One 28×28 sample shown from its bytes (base64 of 784 unsigned bytes, 0 = background). The explorer sends
 * bytes instead of image URLs: a screen of thumbnails arrives in the same round trip as the rows, with no
 * request per image. The bytes become an image in the page (a BMP data URL) rather than a canvas: Chromium
 * hands each canvas to its compositor separately, about 0.3 ms per canvas and frame (30 ms for a screen of
 * 110 thumbnails), while images are painted with the page. Sets the `drawn` attribute once decoded.
 */
@customElement('mnist-digit')
export class MnistDigit extends LitElement {
  static styles = css`
    :host { display: inline-block; width: 56px; height: 56px; line-height: 0; }
    img { width: 100%; height: 100%; image-rendering: pixelated; }
  `;

  @property({ type: String }) pixels = '';

  render() {
    return this.pixels ? html`<img alt="" src=${BMP_HEAD + this.pixels} />` : html``;
  }

  protected updated(changed: PropertyValues) {
    if (!changed.has('pixels')) {
      return;
    }
    this.removeAttribute('drawn');
    const image = this.renderRoot.querySelector('img');
    if (!image) {
      return;
    }
    const shown = this.pixels;
    image.decode().then(
      () => {
        if (this.pixels === shown) {
          this.setAttribute('drawn', '');
        }
      },
      () => undefined // not a valid sample: stays without `drawn`
    );
  }
}
