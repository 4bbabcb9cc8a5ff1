import { html, type SVGTemplateResult, svg, type TemplateResult } from 'lit';

const path = (d: string) => svg`<path d=${d}></path>`;

// The player's icons on a 24-unit grid with 2-unit strokes, matching @kumo/ui's set. They are
// drawn here rather than taken from @kumo/ui so the player bundles only the icons it shows.
const ICONS = {
  play: [path('M8 5.5v13l10.5-6.5z'), true],
  pause: [path('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z'), true],
  retry: [path('M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5'), false],
  volume: [path('M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12'), false],
  muted: [path('M4 9h4l5-4v14l-5-4H4zM17 9.5l5 5M22 9.5l-5 5'), false],
  fullscreen: [path('M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5'), false],
  'exit-fullscreen': [path('M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5'), false],
  captions: [
    svg`<rect x="3" y="5" width="18" height="14" rx="2"></rect>${path('M10.5 10.2a2.5 2.5 0 1 0 0 3.6M17 10.2a2.5 2.5 0 1 0 0 3.6')}`,
    false,
  ],
  settings: [
    svg`${path('M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1')}<circle cx="15" cy="6" r="2"></circle><circle cx="9" cy="12" r="2"></circle><circle cx="17" cy="18" r="2"></circle>`,
    false,
  ],
  check: [path('M5 12.5l4.5 4.5L19 7'), false],
  close: [path('M6 6l12 12M18 6L6 18'), false],
  error: [svg`<circle cx="12" cy="12" r="9"></circle>${path('M12 7.5v5.5M12 16.5v.01')}`, false],
  pip: [
    svg`<rect x="2.5" y="4.5" width="19" height="15" rx="2"></rect><rect x="12" y="11.5" width="7" height="5.5" rx="1" fill="currentColor"></rect>`,
    false,
  ],
  chapters: [path('M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01'), false],
  next: [path('M6 6l9 6-9 6zM18 6v12'), false],
  previous: [path('M18 6l-9 6 9 6zM6 6v12'), false],
} satisfies Record<string, [shapes: SVGTemplateResult, filled: boolean]>;

/** Names of the player's icons. */
export type PlayerIconName = keyof typeof ICONS;

/** A decorative (`aria-hidden`) icon; the control around it carries the label. */
export function playerIcon(name: PlayerIconName): TemplateResult {
  const [shapes, filled] = ICONS[name];
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    fill=${filled ? 'currentColor' : 'none'}
    stroke=${filled ? 'none' : 'currentColor'}
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >${shapes}</svg>`;
}
