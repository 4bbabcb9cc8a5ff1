/**
 * Kumo's global design tokens. Elements read only these (and their own documented component
 * properties); a page restyles every Kumo element by setting them on the elements, for example
 * `kumo-upload-widget { --kumo-color-accent: #6b21a8; }`, or through `applyPalette`.
 */

/** Colours in the light theme; the dark theme sets the same names. */
export const lightColors = {
  '--kumo-color-surface': '#ffffff',
  '--kumo-color-surface-muted': '#eef2f6',
  '--kumo-color-text': '#1b1f24',
  '--kumo-color-text-inverse': '#ffffff',
  '--kumo-color-muted': '#5b6470',
  '--kumo-color-accent': '#2f5bd3',
  '--kumo-color-link': '#1f56c7',
  '--kumo-color-icon': '#4f5863',
  '--kumo-color-tab-icon': '#0e2f5a',
  '--kumo-color-tab-icon-inactive': '#5b6470',
  '--kumo-color-danger': '#c62828',
  '--kumo-color-success': '#1b7f3b',
  '--kumo-color-progress': '#2f5bd3',
  '--kumo-color-border': '#c3ccd7',
  '--kumo-color-focus-ring': '#2f5bd3',
  '--kumo-color-backdrop': 'rgb(14 47 91 / 0.6)',
} as const;

export type ColorToken = keyof typeof lightColors;

/** Colours in the dark theme. */
export const darkColors: Record<ColorToken, string> = {
  '--kumo-color-surface': '#16191d',
  '--kumo-color-surface-muted': '#232830',
  '--kumo-color-text': '#e8ebef',
  '--kumo-color-text-inverse': '#0b1020',
  '--kumo-color-muted': '#a3acb8',
  '--kumo-color-accent': '#8ab4ff',
  '--kumo-color-link': '#8ab4ff',
  '--kumo-color-icon': '#c4cbd4',
  '--kumo-color-tab-icon': '#dbe4f3',
  '--kumo-color-tab-icon-inactive': '#a3acb8',
  '--kumo-color-danger': '#ff8a80',
  '--kumo-color-success': '#7ee2a0',
  '--kumo-color-progress': '#8ab4ff',
  '--kumo-color-border': '#3a424d',
  '--kumo-color-focus-ring': '#8ab4ff',
  '--kumo-color-backdrop': 'rgb(0 0 0 / 0.65)',
};

/** Tokens shared by both themes: shape, spacing, type, elevation, stacking and motion. */
export const sharedTokens = {
  '--kumo-radius-small': '4px',
  '--kumo-radius': '8px',
  '--kumo-radius-large': '12px',
  '--kumo-radius-full': '9999px',
  '--kumo-space-1': '0.25rem',
  '--kumo-space-2': '0.5rem',
  '--kumo-space-3': '0.75rem',
  '--kumo-space-4': '1rem',
  '--kumo-space-5': '1.5rem',
  '--kumo-space-6': '2rem',
  '--kumo-font-family':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif',
  '--kumo-font-family-mono': 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
  '--kumo-font-size-small': '0.8125rem',
  '--kumo-font-size': '0.9375rem',
  '--kumo-font-size-large': '1.125rem',
  '--kumo-font-size-heading': '1.25rem',
  '--kumo-font-weight-bold': '600',
  '--kumo-line-height': '1.5',
  '--kumo-shadow': '0 1px 3px rgb(0 0 0 / 0.12), 0 1px 2px rgb(0 0 0 / 0.08)',
  '--kumo-shadow-overlay': '0 20px 48px rgb(0 0 0 / 0.28)',
  '--kumo-focus-ring-width': '2px',
  '--kumo-z-overlay': '1000',
  '--kumo-z-toast': '1100',
  '--kumo-duration-fast': '120ms',
  '--kumo-duration': '200ms',
  '--kumo-duration-slow': '320ms',
  '--kumo-easing': 'cubic-bezier(0.2, 0, 0, 1)',
} as const;

/** Motion tokens when the person asked for reduced motion: transitions end at once. */
export const reducedMotionTokens = {
  '--kumo-duration-fast': '0ms',
  '--kumo-duration': '0ms',
  '--kumo-duration-slow': '0ms',
} as const;

/** Every global token name. */
export type Token = ColorToken | keyof typeof sharedTokens;
