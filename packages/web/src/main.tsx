import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { applyLocale, initI18n, initialLocale } from './i18n/i18n';
import { prefetchRouteData, preloadRouteCode, preloadRouteTexts } from './route-preload';
import { loadInitialSession } from './session/session-context';

async function start() {
  // The first page's code loads beside the session request, its data and texts as soon as the
  // session is known (QUALITY W2).
  const session = loadInitialSession().then((state) => {
    if (state.session) {
      prefetchRouteData(window.location, state.session);
      preloadRouteTexts(window.location.pathname, state.session.user.locale);
    }
    return state;
  });
  preloadRouteCode(window.location.pathname);
  const [, initial] = await Promise.all([initI18n(initialLocale()), session]);
  // A signed-in user's saved language wins over this browser's last choice.
  if (initial.session) await applyLocale(initial.session.user.locale);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <App initial={initial} />
    </StrictMode>,
  );
}

void start();
