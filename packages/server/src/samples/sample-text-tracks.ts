/** Length of the `samples/videos/test-pattern` clip, which the text tracks below are timed against. */
export const TEST_PATTERN_SECONDS = 12;

/** One timed cue of a WebVTT file. */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A WebVTT file to upload as a raw asset, with what a player needs to offer it. */
export interface SampleTextTrack {
  readonly publicId: string;
  readonly kind: 'captions' | 'chapters';
  /** BCP 47 language of the cue text. */
  readonly language: string;
  readonly label: string;
  readonly text: string;
}

const VIDEO = 'samples/videos/test-pattern';

// Four chapters of three seconds each, so chapter markers are evenly spaced on a seek bar.
const CHAPTERS: readonly Cue[] = [
  { start: 0, end: 3, text: 'Test card' },
  { start: 3, end: 6, text: 'Colour sweep' },
  { start: 6, end: 9, text: 'Moving shapes' },
  { start: 9, end: TEST_PATTERN_SECONDS, text: 'Closing tone' },
];

const CAPTIONS: Record<'en' | 'fr', { label: string; cues: readonly string[] }> = {
  en: {
    label: 'English',
    cues: [
      '[steady 440 Hz tone]',
      'This is the Kumo test pattern.',
      'The clock in the corner counts the frames.',
      'Colours sweep across the picture.',
      'Shapes move so that motion is easy to judge.',
      'The tone plays until the end of the clip.',
    ],
  },
  fr: {
    label: 'Français',
    cues: [
      '[tonalité continue à 440 Hz]',
      'Voici la mire de test de Kumo.',
      "L'horloge dans le coin compte les images.",
      "Les couleurs balaient l'image.",
      'Des formes bougent pour juger le mouvement.',
      "La tonalité dure jusqu'à la fin du clip.",
    ],
  },
};

/** `hh:mm:ss.ttt`, the only timestamp form every WebVTT parser accepts. */
function timestamp(seconds: number): string {
  const millis = Math.round(seconds * 1000);
  const hours = Math.floor(millis / 3_600_000);
  const minutes = Math.floor(millis / 60_000) % 60;
  const secs = Math.floor(millis / 1000) % 60;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(millis % 1000, 3)}`;
}

/** A WebVTT document: the signature line, then one numbered block per cue. */
export function webVtt(cues: readonly Cue[]): string {
  const blocks = cues.map(
    (cue, index) => `${index + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${cue.text}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}

/** Evenly timed cues over the whole clip, one per line of text. */
function spread(lines: readonly string[]): Cue[] {
  const step = TEST_PATTERN_SECONDS / lines.length;
  return lines.map((text, i) => ({ start: i * step, end: (i + 1) * step, text }));
}

/**
 * English and French captions and a chapters track for `samples/videos/test-pattern`, made here
 * rather than downloaded. Public ids keep the `.vtt` extension, as raw public ids do, so the
 * delivery URL ends in `.vtt` and is served as `text/vtt`.
 */
export function sampleTextTracks(): SampleTextTrack[] {
  const captions = (Object.keys(CAPTIONS) as (keyof typeof CAPTIONS)[]).map((language) => ({
    publicId: `${VIDEO}-captions-${language}.vtt`,
    kind: 'captions' as const,
    language,
    label: CAPTIONS[language].label,
    text: webVtt(spread(CAPTIONS[language].cues)),
  }));
  return [
    ...captions,
    {
      publicId: `${VIDEO}-chapters.vtt`,
      kind: 'chapters',
      language: 'en',
      label: 'Chapters',
      text: webVtt(CHAPTERS),
    },
  ];
}
