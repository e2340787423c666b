import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppRouter } from './modules/router';
import { installServiceWorker } from './modules/pwa';
import './styles/main.css';

const app = createApp(App);
app.use(createPinia());
app.use(createAppRouter());
app.mount('#app');
installServiceWorker();
