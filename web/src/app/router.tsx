import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '../features/auth/components/require-auth.tsx';
import { lazyPage } from './feature.tsx';
import { features } from './features.ts';
import { AppShell } from './shell/app-shell.tsx';

const NotFoundPage = lazyPage(
  () => import('./not-found-page.tsx'),
  (m) => m.NotFoundPage,
);

/** Every feature's pages: the public ones (sign-in) beside the shell, the rest inside it behind the sign-in guard. */
export function createRouter() {
  return createBrowserRouter([
    ...features.flatMap((f) => f.publicRoutes ?? []),
    {
      path: '/',
      element: (
        <RequireAuth>
          <AppShell />
        </RequireAuth>
      ),
      children: [...features.flatMap((f) => f.routes ?? []), { path: '*', element: <NotFoundPage /> }],
    },
  ]);
}
