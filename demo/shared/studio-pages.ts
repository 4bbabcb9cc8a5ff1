// The one list of what the studio offers. The header's navigation and the home page's cards are
// rendered from it, so a new studio page is one `page:` line here.

export interface StudioEntry {
  readonly id: string;
  readonly kind: 'widget' | 'tool';
  readonly title: string;
  /** The custom element, for widgets. */
  readonly tag?: string;
  /** One sentence about what it does. */
  readonly summary: string;
  /** The studio page's folder under demo/ (`upload-widget/`); absent while it has none. */
  readonly page?: string;
}

export const STUDIO_ENTRIES: readonly StudioEntry[] = [
  {
    id: 'upload-widget',
    kind: 'widget',
    title: 'Upload widget',
    tag: 'kumo-upload-widget',
    summary:
      'Files, web addresses and the camera; chunked uploads that resume after a lost connection or a reload.',
    page: 'upload-widget/',
  },
  {
    id: 'video-player',
    kind: 'widget',
    title: 'Video player',
    tag: 'kumo-video-player',
    summary: 'Adaptive streaming with posters and seek thumbnails, from a public id.',
    page: 'video-player/',
  },
  {
    id: 'media-library',
    kind: 'widget',
    title: 'Media library',
    tag: 'kumo-media-library',
    summary: 'Browse, search and pick assets from your Kumo server.',
  },
  {
    id: 'media-editor',
    kind: 'widget',
    title: 'Media editor',
    tag: 'kumo-media-editor',
    summary: 'Crop and adjust images without touching the original: the result is a transformation.',
  },
  {
    id: 'product-gallery',
    kind: 'widget',
    title: 'Product gallery',
    tag: 'kumo-product-gallery',
    summary: 'Images, zoom and video for a product page.',
  },
  {
    id: 'playground',
    kind: 'tool',
    title: 'Transformation playground',
    summary: 'Type a transformation and see its canonical form, its model and the delivery URL.',
    page: 'playground/',
  },
];

/** The pages the header links to, home first. */
export function navigationPages(): { id: string; title: string; path: string }[] {
  return [
    { id: 'home', title: 'Home', path: '' },
    ...STUDIO_ENTRIES.flatMap((entry) =>
      entry.page ? [{ id: entry.id, title: entry.title, path: entry.page }] : [],
    ),
  ];
}
