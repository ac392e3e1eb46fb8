// The control panel: every input edits the viewer state and reports it; the viewer decides what to refresh.
import { h, field } from './dom.js';
import type { BandInfo, Metadata, PixelValue } from './api.js';
import { initialState, type Scheme, type ViewerState } from './style.js';

export class Panel {
  readonly element: HTMLElement;
  private state: ViewerState = { ...initialState };
  private readonly band = h('select', { class: 'li-band' });
  private readonly frame = h('input', { class: 'li-frame', type: 'range', min: 0, value: 0, step: 1 });
  private readonly frameLabel = h('output', { class: 'li-frame-label' });
  private readonly palette = h('select', { class: 'li-palette' }, h('option', { value: '' }, 'none'));
  private readonly swatch = h('img', { class: 'li-swatch', alt: '', hidden: true });
  private readonly min = h('input', { class: 'li-min', type: 'text', inputmode: 'decimal', spellcheck: false });
  private readonly max = h('input', { class: 'li-max', type: 'text', inputmode: 'decimal', spellcheck: false });
  private readonly scheme = h('select', { class: 'li-scheme' }, h('option', {}, 'linear'), h('option', {}, 'discrete'));
  private readonly opacity = h('input', { class: 'li-opacity', type: 'range', min: 0, max: 1, step: 0.05, value: 1 });
  private readonly thumbnail = h('img', { class: 'li-thumbnail', alt: 'Thumbnail' });
  private readonly pixel = h('div', { class: 'li-pixel', 'aria-live': 'polite' }, 'Move the pointer over the image');
  private readonly metadata = h('pre', { class: 'li-metadata' });
  private readonly error = h('p', { class: 'li-error', role: 'alert', hidden: true });

  constructor(
    private readonly meta: Metadata,
    colormaps: string[],
    private readonly colormapUrl: (name: string) => string,
    private readonly onChange: (state: ViewerState, restyled: boolean) => void,
  ) {
    this.palette.append(...colormaps.map((name) => h('option', {}, name)));
    this.metadata.textContent = JSON.stringify(meta, null, 2);
    const frameCount = meta.frames?.length ?? 0;
    this.frame.max = String(Math.max(frameCount - 1, 0));
    this.fillBands();
    this.element = h(
      'aside',
      { class: 'li-panel' },
      this.error,
      field('Band', this.band),
      frameCount > 1 ? field('Frame', this.frame, this.frameLabel) : '',
      field('Colormap', this.palette, this.swatch),
      h('div', { class: 'li-row' }, field('Min', this.min), field('Max', this.max)),
      field('Scheme', this.scheme),
      field('Opacity', this.opacity),
      h('section', {}, h('h3', {}, 'Pixel'), this.pixel),
      h('section', {}, h('h3', {}, 'Thumbnail'), this.thumbnail),
      this.metadataSection(),
    );
    this.listen();
    this.showFrame();
  }

  get current(): ViewerState {
    return this.state;
  }

  setThumbnail(url: string): void {
    this.thumbnail.src = url;
  }

  showPixel(at: string, value: PixelValue, query: string): void {
    const lines = [at, `value: ${JSON.stringify(value.value)}`];
    if (value.r !== undefined) lines.push(`rgba: ${value.r}, ${value.g}, ${value.b}, ${value.a}`);
    for (const [band, raw] of Object.entries(value.bands ?? {})) lines.push(`band ${band}: ${raw}`);
    this.pixel.textContent = lines.join('\n');
    this.pixel.dataset.query = query;
  }

  showError(message: string | null): void {
    this.error.hidden = message === null;
    this.error.textContent = message ?? '';
  }

  private listen(): void {
    const update = (change: Partial<ViewerState>, restyled = true) => {
      this.state = { ...this.state, ...change };
      this.onChange(this.state, restyled);
    };
    this.band.addEventListener('change', () => {
      update({ band: this.band.value ? Number(this.band.value) : null });
      this.showLimits();
    });
    this.frame.addEventListener('change', () => {
      update({ frame: Number(this.frame.value) });
      this.fillBands();
    });
    this.frame.addEventListener('input', () => this.showFrame());
    this.palette.addEventListener('change', () => {
      // A palette colours one band; show which one rather than leave "image colours" selected.
      if (this.palette.value && this.state.band === null) {
        this.band.value = '1';
        this.state = { ...this.state, band: 1 };
        this.showLimits();
      }
      update({ palette: this.palette.value });
      this.swatch.hidden = !this.palette.value;
      if (this.palette.value) this.swatch.src = this.colormapUrl(this.palette.value);
    });
    // min/max apply on commit (enter or blur), not per keystroke, so half-typed numbers fetch nothing.
    this.min.addEventListener('change', () => update({ min: this.min.value.trim() }));
    this.max.addEventListener('change', () => update({ max: this.max.value.trim() }));
    this.scheme.addEventListener('change', () => update({ scheme: this.scheme.value as Scheme }));
    this.opacity.addEventListener('input', () => update({ opacity: Number(this.opacity.value) }, false));
  }

  private metadataSection(): HTMLElement {
    const copy = h('button', { class: 'li-copy', type: 'button' }, 'Copy');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(this.metadata.textContent ?? '');
        copy.textContent = 'Copied';
      } catch {
        // Clipboard access needs a secure context; selecting the text lets the user copy by hand.
        getSelection()?.selectAllChildren(this.metadata);
        copy.textContent = 'Selected';
      }
      setTimeout(() => (copy.textContent = 'Copy'), 1500);
    });
    return h('details', { class: 'li-metadata-section' }, h('summary', {}, 'Metadata ', copy), this.metadata);
  }

  // Bands can differ per frame (multi-channel images), so the list follows the frame.
  private bands(): Record<string, BandInfo> {
    return this.meta.frames?.[this.state.frame]?.bands ?? this.meta.bands ?? {};
  }

  private fillBands(): void {
    const selected = this.band.value;
    const entries = Object.entries(this.bands());
    const count = entries.length || this.meta.bandCount || 0;
    const options = [h('option', { value: '' }, 'image colours')];
    for (let band = 1; band <= count; band++) {
      const interpretation = this.bands()[String(band)]?.interpretation;
      options.push(h('option', { value: band }, interpretation ? `${band} · ${interpretation}` : String(band)));
    }
    this.band.replaceChildren(...options);
    this.band.value = options.some((o) => o.value === selected) ? selected : '';
    this.showLimits();
  }

  // The band's statistics become placeholders: visible hints that leave the server's default in force.
  private showLimits(): void {
    const info = this.state.band === null ? undefined : this.bands()[String(this.state.band)];
    this.min.placeholder = info?.min != null ? String(Number(info.min.toPrecision(6))) : 'auto';
    this.max.placeholder = info?.max != null ? String(Number(info.max.toPrecision(6))) : 'auto';
  }

  private showFrame(): void {
    const frame = Number(this.frame.value);
    const channel = this.meta.frames?.[frame]?.Channel;
    this.frameLabel.textContent = channel ? `${frame} · ${channel}` : String(frame);
  }
}
