// Mounts one viewer: reads the metadata, chooses the web map or pixel space, and wires the panel to the tiles.
import { LargeImageApi, withQuery, type Metadata, type Query } from './api.js';
import { geoMap, pixelMap, type Basemap, type ImageMap } from './map.js';
import { Panel } from './panel.js';
import { renderQuery, initialState, styleJson, type ViewerState } from './style.js';
import { TileLoader } from './tiles.js';
import { h } from './dom.js';

export interface ViewerOptions {
  /** URL of the image's route group, ending in `/` (e.g. `/api/image-file/1/`). */
  image: string;
  /** URL of the standalone group, ending in `/` (e.g. `/api/large-image/`). */
  api: string;
  basemap?: Basemap;
}

const pointerDelayMs = 120;

export async function mount(root: HTMLElement, options: ViewerOptions): Promise<void> {
  const api = new LargeImageApi(options.image, options.api);
  const target = h('div', { class: 'li-map' });
  root.classList.add('li-viewer');
  root.replaceChildren(target);
  try {
    // Colormaps are optional: without the standalone group the viewer still shows the image.
    const [meta, colormaps] = await Promise.all([api.metadata(), api.colormaps().catch(() => [])]);
    const geo = Boolean(meta.geospatial && meta.bounds);
    const tileQuery = (state: ViewerState): Query => ({ ...(geo ? { projection: 'EPSG:3857' } : {}), ...renderQuery(state) });
    // An opaque 8-bit colour image in its own colours, in pixel space, gets JPEG tiles: a fraction of a PNG's bytes,
    // and a JPEG pyramid's tiles go out as stored. Styles, other images and the web map (transparent around the
    // image) keep PNG; the layer's extent hides the fill of JPEG tiles at the image's edges.
    const opaque = !geo && meta.dtype === 'uint8' && (meta.bandCount === 3 || (meta.bandCount === 4 && (await isOpaque(thumbnailUrl(api, initialState)))));
    const format = (state: ViewerState) => (opaque && styleJson(state) === undefined ? 'jpeg' : 'png');
    const template = (state: ViewerState) =>
      api.imageUrl(`tiles/{z}/{x}/{y}.${format(state)}`, tileQuery(state)).replace(/%7B([xyz])%7D/g, '{$1}');
    const tiles = new TileLoader(template(initialState), (pending, current) => {
      root.dataset.tilesPending = String(pending);
      root.dataset.tileTemplate = current;
    });
    const view = geo ? await geoView(api, meta, target, tiles, options.basemap) : pixelMap(target, meta, tiles);
    root.dataset.mode = geo ? 'geo' : 'pixel';

    const panel = new Panel(meta, colormaps, (name) => api.colormapUrl(name), (state, restyled) => {
      view.layer.setOpacity(state.opacity);
      if (!restyled) return;
      tiles.setTemplate(template(state));
      panel.setThumbnail(thumbnailUrl(api, state));
    });
    panel.setThumbnail(thumbnailUrl(api, initialState));
    root.append(panel.element);
    followPointer(view, api, panel);
    // Tells hosts and tests which style is fully on screen, not just requested.
    view.map.on('rendercomplete', () => (root.dataset.renderedTemplate = tiles.template));
  } catch (error) {
    root.append(h('p', { class: 'li-error', role: 'alert' }, `Cannot show this image: ${(error as Error).message}`));
  }
}

// Tiles use the XYZ grid's own levels, which differ from the native pyramid's.
async function geoView(api: LargeImageApi, meta: Metadata, target: HTMLElement, tiles: TileLoader, basemap?: Basemap): Promise<ImageMap> {
  const mercator = await api.metadata({ projection: 'EPSG:3857' });
  return geoMap(target, meta.bounds!, mercator.levels - 1, tiles, basemap);
}

// Slides come as RGBA (OpenSlide's reads), yet nearly all are opaque. The thumbnail the panel shows anyway (so the
// browser's cache answers the panel) tells: its pixels average the image's alpha, so only a transparent area under
// about 1/255 of one thumbnail pixel goes unseen and shows the JPEG's fill.
async function isOpaque(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    if (!response.ok) return false;
    const bitmap = await createImageBitmap(await response.blob(), { premultiplyAlpha: 'none' });
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    for (let alpha = 3; alpha < data.length; alpha += 4) {
      if (data[alpha] !== 255) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function thumbnailUrl(api: LargeImageApi, state: ViewerState): string {
  return api.imageUrl('data/thumbnail.png', { max_width: 256, max_height: 256, ...renderQuery(state) });
}

// One pixel request at a time, after the pointer rests, so moving the mouse does not flood the server.
function followPointer(view: ImageMap, api: LargeImageApi, panel: Panel): void {
  let timer: number | undefined;
  let inFlight: AbortController | undefined;
  view.map.on('pointermove', (event) => {
    if (event.dragging) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const at = view.pixelQuery(event.coordinate);
      if (!at) return;
      inFlight?.abort();
      inFlight = new AbortController();
      const query = { ...at, ...renderQuery(panel.current) };
      try {
        const value = await api.pixel(query, inFlight.signal);
        panel.showPixel(`${at.left}, ${at.top} (${at.units})`, value, withQuery('data/pixel', query));
        panel.showError(null);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') panel.showError((error as Error).message);
      }
    }, pointerDelayMs);
  });
}
