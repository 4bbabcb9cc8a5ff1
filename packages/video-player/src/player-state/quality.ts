/** One rendition of an adaptive stream, as the quality menu lists it. */
export interface QualityLevel {
  /** Index in the streaming engine's level list (what `currentLevel` takes). */
  readonly index: number;
  readonly width: number;
  readonly height: number;
  /** Bits per second. */
  readonly bitrate: number;
}

/** The fields of an hls.js `Level` the menu needs. */
export interface EngineLevel {
  readonly width?: number;
  readonly height?: number;
  readonly bitrate?: number;
}

/**
 * Quality levels from a streaming engine's level list, highest first for the menu, each keeping its
 * engine index. Levels of the same height keep only the highest bit rate, so the menu has no
 * look-alike entries.
 */
export function qualityLevels(levels: readonly EngineLevel[]): QualityLevel[] {
  const byHeight = new Map<number, QualityLevel>();
  levels.forEach((level, index) => {
    const entry: QualityLevel = {
      index,
      width: level.width ?? 0,
      height: level.height ?? 0,
      bitrate: level.bitrate ?? 0,
    };
    const key = entry.height || -(index + 1);
    const existing = byHeight.get(key);
    if (!existing || existing.bitrate < entry.bitrate) byHeight.set(key, entry);
  });
  return [...byHeight.values()].sort((a, b) => b.height - a.height || b.bitrate - a.bitrate);
}

/** A level's short name: "720p" (the short side, so portrait video reads right), else "1.2 Mbps". */
export function qualityLabel(level: QualityLevel): string {
  const side = Math.min(level.width || level.height, level.height || level.width);
  if (side > 0) return `${side}p`;
  return `${(level.bitrate / 1_000_000).toFixed(1)} Mbps`;
}
