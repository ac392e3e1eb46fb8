// Loads image tiles from a URL template that changes with the style, and counts requests in flight.
import ImageTileSource from 'ol/source/ImageTile.js';
import type { Loader } from 'ol/source/ImageTile.js';

/** Exposes the protected key so a new template re-requests tiles while the old ones stay on screen. */
class RekeyableSource extends ImageTileSource {
  rekey(key: string): void {
    this.setKey(key);
  }
}

export type TileActivity = (pending: number, template: string) => void;

export class TileLoader {
  private pending = 0;
  private source?: RekeyableSource;

  constructor(
    private current: string,
    private readonly onActivity: TileActivity,
  ) {}

  get template(): string {
    return this.current;
  }

  /** A source of tiles of the given size from the current template. */
  createSource(tileWidth: number, tileHeight: number, options: ConstructorParameters<typeof ImageTileSource>[0] = {}): ImageTileSource {
    this.source = new RekeyableSource({ ...options, loader: this.loader(tileWidth, tileHeight), transition: 0 });
    this.source.rekey(this.current);
    return this.source;
  }

  setTemplate(template: string): void {
    if (template === this.current) return;
    this.current = template;
    this.source?.rekey(template);
    this.onActivity(this.pending, template);
  }

  private loader(tileWidth: number, tileHeight: number): Loader {
    return async (z, x, y, { signal }) => {
      const url = this.current.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
      this.track(1);
      try {
        const response = await fetch(url, { signal });
        if (!response.ok) throw new Error(`${response.status} ${url}`);
        return padToTile(await createImageBitmap(await response.blob()), tileWidth, tileHeight);
      } finally {
        this.track(-1);
      }
    };
  }

  private track(delta: number): void {
    this.pending += delta;
    this.onActivity(this.pending, this.current);
  }
}

// Edge tiles may come back cropped; OpenLayers would stretch them over the whole tile.
function padToTile(image: ImageBitmap, width: number, height: number): ImageBitmap | HTMLCanvasElement {
  if (image.width >= width && image.height >= height) return image;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(image, 0, 0);
  image.close();
  return canvas;
}
