// What a page loads before <kumo-upload-widget> is defined and shows its trigger (or its inline
// frame): the element, Lit, @kumo/ui and @uppy/core. The dialog and source tabs follow when the page
// is idle or the widget first opens, the code that sends files with the first file, the crop step
// (cropperjs), queue rows and other locales on first use; those chunks are reported apart.
import '@kumo/upload-widget/define';
