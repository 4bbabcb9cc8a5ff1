/** A stored asset as the services see it (the catalog maps it to and from rows). */
export interface Asset {
  readonly assetId: string;
  readonly cloud: string;
  readonly resourceType: ResourceType;
  readonly type: string;
  readonly publicId: string;
  readonly format: string;
  readonly version: number;
  readonly versionId: string;
  readonly bytes: number;
  readonly width?: number;
  readonly height?: number;
  readonly pages?: number;
  readonly duration?: number;
  /** Details without a column of their own (video and audio streams, frame rate, alpha…). */
  readonly media: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, string>>;
  /** Regions of interest set with `custom_coordinates`, in the original's pixels; the first one is `g_custom`'s. */
  readonly customCoordinates?: readonly CustomRegion[];
  readonly tags: readonly string[];
  readonly etag: string;
  readonly originalFilename: string;
  readonly displayName: string;
  readonly storageKey: string;
  readonly placeholder: boolean;
  readonly apiKey?: string;
  /** ISO-8601 with milliseconds. */
  readonly createdAt: string;
  readonly uploadedAt: string;
}

/** One `custom_coordinates` region: top-left corner, width and height, in pixels of the original. */
export type CustomRegion = readonly [x: number, y: number, width: number, height: number];

export const RESOURCE_TYPES = ['image', 'video', 'raw'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** What names one asset: Cloudinary's (resource type, delivery type, public id) within a cloud. */
export interface AssetIdentity {
  readonly cloud: string;
  readonly resourceType: ResourceType;
  readonly type: string;
  readonly publicId: string;
}

/** The folder part of a public id: everything before the last `/`, or '' at the root. */
export function folderOf(publicId: string): string {
  const slash = publicId.lastIndexOf('/');
  return slash < 0 ? '' : publicId.slice(0, slash);
}
