// Kumo's HLS pipeline on a synthetic 60 s 720p source: time until the stream is playable (lowest
// rendition first) and the whole ladder's encode time, against one plain ffmpeg process encoding the
// same ladder with the same settings, in the same run.
import { printTable } from '../scripts/print-table.mjs';

export const description =
  'Kumo video: time to first playable HLS rendition and whole-ladder encode vs plain ffmpeg';

export async function run() {
  const { measureHls } = await import('../packages/server/src/render/video/measure-hls.ts');
  const result = await measureHls({ duration: 60, width: 1280, height: 720 });
  const seconds = (ms) => (ms / 1000).toFixed(1);
  console.log(`\nHLS ladder ${result.renditions.join(' / ')} from a 60 s 1280x720 source:`);
  printTable(
    ['measure', 'kumo s', 'plain ffmpeg s'],
    [
      [
        'until playable (kumo: master lists a finished rendition; ffmpeg: first segment file)',
        seconds(result.firstPlayableMs),
        seconds(result.ffmpegFirstSegmentMs),
      ],
      ['whole ladder', seconds(result.kumoTotalMs), seconds(result.ffmpegTotalMs)],
    ],
  );
  console.log(`Kumo / plain ffmpeg, whole ladder: ${result.totalRatio.toFixed(2)}×`);
  return result;
}
