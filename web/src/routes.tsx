import { lazy, type ReactNode, Suspense } from 'react';
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
const TalentsPage = lazy(() => import('./pages/talents/TalentsPage.tsx'));
const TalentEditPage = lazy(() => import('./pages/talents/TalentEditPage.tsx'));
const TalentDetailPage = lazy(() => import('./pages/talents/TalentDetailPage.tsx'));
const TalentAnalyticsPage = lazy(() => import('./pages/talents/TalentAnalyticsPage.tsx'));
const TalentWorkbenchPage = lazy(() => import('./pages/talents/TalentWorkbenchPage.tsx'));
const KeyRulesPage = lazy(() => import('./pages/talents/KeyRulesPage.tsx'));
const MyTalentPage = lazy(() => import('./pages/me/MyTalentPage.tsx'));

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
const talentGroup = { key: 'menu.talentGroup' } as const;
const talentList = { key: 'menu.talents', to: '/talents' } as const;
const talentsHandle: RouteHandle = { crumbs: [talentGroup, { key: 'menu.talents' }] };
const talentNewHandle: RouteHandle = { crumbs: [talentGroup, talentList, { key: 'talent.create' }] };
const talentDetailHandle: RouteHandle = { crumbs: [talentGroup, talentList, { key: 'talent.detail' }] };
const talentEditHandle: RouteHandle = { crumbs: [talentGroup, talentList, { key: 'talent.edit' }] };
const analyticsHandle: RouteHandle = { crumbs: [talentGroup, { key: 'menu.talentAnalytics' }] };
const workbenchHandle: RouteHandle = { crumbs: [talentGroup, { key: 'menu.talentWorkbench' }] };
const keyRulesHandle: RouteHandle = { crumbs: [talentGroup, { key: 'menu.keyRules' }] };
const myTalentHandle: RouteHandle = { crumbs: [{ key: 'menu.myTalent' }] };
const passwordHandle: RouteHandle = { crumbs: [{ key: 'header.changePassword' }] };
const notFoundHandle: RouteHandle = { crumbs: [{ key: 'notFound.title' }] };

const guard = (permission: string, page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

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
          {
            path: 'talents',
            children: [
              { index: true, handle: talentsHandle, element: guard('talent.read', <TalentsPage />) },
              { path: 'new', handle: talentNewHandle, element: guard('talent.manage', <TalentEditPage />) },
              { path: 'analytics', handle: analyticsHandle, element: guard('talent.read', <TalentAnalyticsPage />) },
              { path: 'workbench', handle: workbenchHandle, element: guard('talent.read', <TalentWorkbenchPage />) },
              { path: 'key-rules', handle: keyRulesHandle, element: guard('talent.rules', <KeyRulesPage />) },
              { path: ':id', handle: talentDetailHandle, element: guard('talent.read', <TalentDetailPage />) },
              { path: ':id/edit', handle: talentEditHandle, element: guard('talent.manage', <TalentEditPage />) },
            ],
          },
          { path: 'me/talent', handle: myTalentHandle, element: guard('talent.self', <MyTalentPage />) },
          { path: 'account/password', handle: passwordHandle, element: <ChangePasswordPage /> },
          { path: '*', handle: notFoundHandle, element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
