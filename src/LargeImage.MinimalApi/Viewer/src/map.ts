// The two ways of showing an image: on a web map (EPSG:3857 XYZ tiles) or in its own pixel space.
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import ImageTileSource from 'ol/source/ImageTile.js';
import Projection from 'ol/proj/Projection.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';
import { transformExtent, toLonLat } from 'ol/proj.js';
import { containsCoordinate, type Extent } from 'ol/extent.js';
import type { Coordinate } from 'ol/coordinate.js';
import type { Bounds, Metadata, Query } from './api.js';
import { TileLoader } from './tiles.js';

export interface Basemap {
  url: string;
  attribution?: string;
}

export interface ImageMap {
  map: OlMap;
  layer: TileLayer;
  tiles: TileLoader;
  /** The `data/pixel` location of a map coordinate, or null outside the image. */
  pixelQuery(coordinate: Coordinate): Query | null;
}

/** A georeferenced image over an optional basemap, tiles on the standard XYZ grid. */
export function geoMap(target: HTMLElement, bounds: Bounds, maxZoom: number, tiles: TileLoader, basemap?: Basemap): ImageMap {
  const box: Extent = [bounds.xmin, bounds.ymin, bounds.xmax, bounds.ymax];
  const extent = bounds.srs === 'EPSG:3857' ? box : transformExtent(box, 'EPSG:4326', 'EPSG:3857');
  const source = tiles.createSource(256, 256, { maxZoom, wrapX: false });
  const layer = new TileLayer({ source, extent });
  const layers: TileLayer[] = [];
  if (basemap) {
    layers.push(new TileLayer({
      source: new ImageTileSource({ url: basemap.url, attributions: basemap.attribution, crossOrigin: 'anonymous' }),
    }));
  }
  layers.push(layer);
  const map = new OlMap({ target, layers, view: new View({ maxZoom: maxZoom + 4 }) });
  map.getView().fit(extent, { padding: [16, 16, 16, 16] });
  return {
    map,
    layer,
    tiles,
    pixelQuery: (coordinate) => {
      if (!containsCoordinate(extent, coordinate)) return null;
      const [lon, lat] = toLonLat(coordinate);
      return { left: round(lon, 7), top: round(lat, 7), units: 'EPSG:4326' };
    },
  };
}

/** A non-georeferenced image in pixel units: y grows downward from the top-left corner, as the server counts. */
export function pixelMap(target: HTMLElement, meta: Metadata, tiles: TileLoader): ImageMap {
  // OpenLayers' y axis points up, so the image occupies negative y.
  const extent: Extent = [0, -meta.sizeY, meta.sizeX, 0];
  const projection = new Projection({ code: 'large-image-pixels', units: 'pixels', extent });
  const resolutions = Array.from({ length: meta.levels }, (_, z) => 2 ** (meta.levels - 1 - z));
  const tileGrid = new TileGrid({ extent, origin: [0, 0], resolutions, tileSize: [meta.tileWidth, meta.tileHeight] });
  const source = tiles.createSource(meta.tileWidth, meta.tileHeight, { projection, tileGrid });
  const layer = new TileLayer({ source, extent });
  const view = new View({
    projection,
    extent,
    constrainOnlyCenter: true,
    maxResolution: resolutions[0] * 2,
    minResolution: 1 / 8,
  });
  const map = new OlMap({ target, layers: [layer], view });
  view.fit(extent, { padding: [16, 16, 16, 16] });
  return {
    map,
    layer,
    tiles,
    pixelQuery: (coordinate) => {
      if (!containsCoordinate(extent, coordinate)) return null;
      return { left: Math.floor(coordinate[0]), top: Math.floor(-coordinate[1]), units: 'pixels' };
    },
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
