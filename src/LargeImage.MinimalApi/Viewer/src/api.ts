// Typed access to the large-image endpoints; field names are large_image's, as the server returns them.

export interface BandInfo {
  interpretation?: string;
  min?: number | null;
  max?: number | null;
}

export interface Bounds {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
  srs?: string;
}

export interface FrameInfo {
  Frame: number;
  Channel?: string;
  bands?: Record<string, BandInfo>;
}

export interface Metadata {
  levels: number;
  sizeX: number;
  sizeY: number;
  tileWidth: number;
  tileHeight: number;
  bandCount?: number;
  dtype?: string;
  geospatial?: boolean;
  bounds?: Bounds;
  bands?: Record<string, BandInfo>;
  frames?: FrameInfo[];
}

export interface PixelValue {
  value?: unknown;
  r?: number;
  g?: number;
  b?: number;
  a?: number;
  bands?: Record<string, number | null>;
}

export type Query = Record<string, string | number | undefined>;

/** Builds URLs relative to an image's route group and the standalone group. */
export class LargeImageApi {
  constructor(
    readonly imageBase: string,
    readonly apiBase: string,
  ) {}

  imageUrl(path: string, query: Query = {}): string {
    return withQuery(this.imageBase + path, query);
  }

  colormapUrl(name: string): string {
    return `${this.apiBase}colormaps/${encodeURIComponent(name)}.png`;
  }

  metadata(query: Query = {}): Promise<Metadata> {
    return getJson(this.imageUrl('info/metadata', query));
  }

  colormaps(): Promise<string[]> {
    return getJson(`${this.apiBase}colormaps`);
  }

  pixel(query: Query, signal: AbortSignal): Promise<PixelValue> {
    return getJson(this.imageUrl('data/pixel', query), signal);
  }
}

export function withQuery(url: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) {
    // Problem details carry the useful sentence; fall back to the status line.
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.detail ?? `${response.status} ${response.statusText} (${url})`);
  }
  return response.json() as Promise<T>;
}
