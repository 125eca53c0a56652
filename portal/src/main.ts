import { abilitiesPlugin } from '@casl/vue';
import urql from '@urql/vue';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import './styles/main.css';
import App from './App.vue';
import { createApiClient, setApiClient } from './api/client';
import { ability } from './auth/ability';
import { useAuthStore } from './auth/auth.store';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

const i18n = createAppI18n();
document.documentElement.lang = i18n.global.locale.value;
app.use(i18n);

const auth = useAuthStore(pinia);
const router = createAppRouter(() => auth, ability);

const client = createApiClient({
  token: () => auth.token,
  onSessionLost: () => {
    const from = router.currentRoute.value;
    auth.logout();
    if (from.name !== 'login') void router.replace({ name: 'login', query: { expired: '1', redirect: from.fullPath } });
  },
});
setApiClient(client);
app.use(urql, client);

// Reactive: menus and buttons follow `ability.update()` on sign-in and sign-out.
app.use(abilitiesPlugin, ability, { useGlobalProperties: true });
app.use(router);
app.mount('#app');
