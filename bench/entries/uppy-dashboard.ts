// Uppy's modal Dashboard as its docs set it up: @uppy/core, @uppy/dashboard and the Dashboard's CSS.
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import '@uppy/dashboard/css/style.min.css';

export const uppy = new Uppy().use(Dashboard, { inline: false });
