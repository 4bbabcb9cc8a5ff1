// What a page loads before <kumo-upload-widget> can open: the element with its sub-elements, Lit,
// @kumo/ui and @uppy/core. The crop step (cropperjs) and other locales load on first use and are
// not counted.
import '@kumo/upload-widget/define';
