// Vidstack's web components as its docs set them up: the player, the UI components, the default
// layout and its two style sheets. By default its HLS provider fetches hls.js from jsDelivr at run
// time; pointing the provider at the npm package (as the docs describe for local installs) keeps
// hls.js in this bundle as a lazy chunk, so it shows up in the lazy figure like everyone else's.
import 'vidstack/player/styles/default/theme.css';
import 'vidstack/player/styles/default/layouts/video.css';
import 'vidstack/player';
import 'vidstack/player/layouts/default';
import 'vidstack/player/ui';

document.addEventListener(
  'provider-change',
  (event) => {
    const provider = (event as CustomEvent<{ type?: string; library?: unknown } | null>).detail;
    if (provider?.type === 'hls') provider.library = () => import('hls.js');
  },
  true,
);
