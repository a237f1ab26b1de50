import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { AppLayout } from './layout/AppLayout.tsx';
import { AuthEventBridge } from './layout/AuthEventBridge.tsx';
import type { RouteHandle } from './layout/Breadcrumbs.tsx';
import { FullPageSpin, RequireAuth } from './layout/RequireAuth.tsx';
import { RequirePermission } from './layout/RequirePermission.tsx';
import { RouteError } from './layout/RouteError.tsx';

// Every page is its own chunk, fetched on first visit.
const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage.tsx'));
const HomePage = lazy(() => import('./pages/home/HomePage.tsx'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.tsx'));

function Root() {
  return (
    <>
      <AuthEventBridge />
      <Outlet />
    </>
  );
}

const regionsHandle: RouteHandle = { crumbs: [{ key: 'menu.regions', to: '/regions' }] };
const usersHandle: RouteHandle = { crumbs: [{ key: 'menu.system' }, { key: 'menu.users' }] };
const auditHandle: RouteHandle = { crumbs: [{ key: 'menu.system' }, { key: 'menu.audit' }] };
const passwordHandle: RouteHandle = { crumbs: [{ key: 'header.changePassword' }] };
const notFoundHandle: RouteHandle = { crumbs: [{ key: 'notFound.title' }] };

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      {
        path: '/login',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          {
            // One route for /regions and /regions/:code, so the tree keeps its state while you move around.
            path: 'regions/:code?',
            handle: regionsHandle,
            element: (
              <RequirePermission permission="region.read">
                <RegionsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            handle: usersHandle,
            element: (
              <RequirePermission permission="user.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            handle: auditHandle,
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          { path: 'account/password', handle: passwordHandle, element: <ChangePasswordPage /> },
          { path: '*', handle: notFoundHandle, element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
