import sharp from 'sharp';

/** A PNG of the given size, made on the fly (tests never depend on downloaded files). */
export function makePng(width: number, height: number, alpha = false): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: alpha ? 4 : 3,
      background: { r: 200, g: 80, b: 40, alpha: alpha ? 0.5 : 1 },
    },
  })
    .png()
    .toBuffer();
}

export function makeJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 220 } } })
    .jpeg()
    .toBuffer();
}
