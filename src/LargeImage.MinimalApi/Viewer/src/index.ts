// Entry point: mounts a viewer on every element with `data-large-image="<image group URL>"`.
import 'ol/ol.css';
import './viewer.css';
import { mount, type ViewerOptions } from './viewer.js';

export { mount, type ViewerOptions };

// The bundle is served from `<standalone group>/viewer-assets/`, so the group is one level up.
const defaultApi = new URL('../', import.meta.url).href;

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function mountAll(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-large-image]')) {
    const { largeImage, largeImageApi, basemapUrl, basemapAttribution } = element.dataset;
    void mount(element, {
      image: withSlash(largeImage!),
      api: withSlash(largeImageApi || defaultApi),
      basemap: basemapUrl ? { url: basemapUrl, attribution: basemapAttribution } : undefined,
    });
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
else mountAll();
