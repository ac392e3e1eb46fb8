// The panel's state and its translation into large_image's style JSON.

export type Scheme = 'linear' | 'discrete';

export interface ViewerState {
  /** 1-based band, or null for the image's own colours. */
  band: number | null;
  palette: string;
  min: string;
  max: string;
  scheme: Scheme;
  frame: number;
  opacity: number;
}

export const initialState: ViewerState = {
  band: null,
  palette: '',
  min: '',
  max: '',
  scheme: 'linear',
  frame: 0,
  opacity: 1,
};

/** The `style` parameter, or undefined when the image's own colours are wanted. */
export function styleJson(state: ViewerState): string | undefined {
  const styled = state.band !== null || state.palette || state.min || state.max;
  if (!styled) return undefined;
  // A palette or range needs one band to act on; large_image's own default is the first.
  const style: Record<string, unknown> = { band: state.band ?? 1 };
  if (state.palette) style.palette = state.palette;
  if (state.min) style.min = limit(state.min);
  if (state.max) style.max = limit(state.max);
  if (state.palette) style.scheme = state.scheme;
  return JSON.stringify(style);
}

/** The query parameters every rendering endpoint (tiles, thumbnail, pixel) takes. */
export function renderQuery(state: ViewerState): Record<string, string | number | undefined> {
  return { style: styleJson(state), frame: state.frame || undefined };
}

// min/max also take keywords (auto, min, max, full) and percentiles (min:0.02): numbers stay numbers.
function limit(text: string): number | string {
  const trimmed = text.trim();
  const number = Number(trimmed);
  return trimmed !== '' && Number.isFinite(number) ? number : trimmed;
}
