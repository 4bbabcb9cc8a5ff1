// A small Vue app using <kumo-upload-widget> from an SFC, built with Vite (and @vitejs/plugin-vue
// told about Kumo's tags through isKumoElement) by vue-app.node.test.ts.
import { defineKumoElements, KumoVue } from '@kumo/vue';
import { createApp } from 'vue';
import App from './App.vue';

// Registered before mounting, so Vue sets properties (the `tags` array) on upgraded elements.
await defineKumoElements(['kumo-upload-widget']);
createApp(App).use(KumoVue).mount('#app');
