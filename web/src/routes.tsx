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
// Service network: platforms, coverage, checklist standards (network web).
const PlatformsPage = lazy(() => import('./pages/network/PlatformsPage.tsx'));
const PlatformEditPage = lazy(() => import('./pages/network/PlatformEditPage.tsx'));
const PlatformDetailPage = lazy(() => import('./pages/network/PlatformDetailPage.tsx'));
const CoveragePage = lazy(() => import('./pages/network/CoveragePage.tsx'));
const ChecklistPage = lazy(() => import('./pages/network/ChecklistPage.tsx'));
// Agencies, community groups, 本机构 and the public station finder (agencies web).
const AgenciesPage = lazy(() => import('./pages/agencies/AgenciesPage.tsx'));
const AgencyEditPage = lazy(() => import('./pages/agencies/AgencyEditPage.tsx'));
const AgencyDetailPage = lazy(() => import('./pages/agencies/AgencyDetailPage.tsx'));
const MyAgencyPage = lazy(() => import('./pages/agencies/MyAgencyPage.tsx'));
const GroupsPage = lazy(() => import('./pages/groups/GroupsPage.tsx'));
const GroupEditPage = lazy(() => import('./pages/groups/GroupEditPage.tsx'));
const GroupDetailPage = lazy(() => import('./pages/groups/GroupDetailPage.tsx'));
const FinderPage = lazy(() => import('./pages/finder/FinderPage.tsx'));

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
const networkGroup = { key: 'menu.networkGroup' } as const;
const platformList = { key: 'menu.platforms', to: '/network/platforms' } as const;
const platformsHandle: RouteHandle = { crumbs: [networkGroup, { key: 'menu.platforms' }] };
const platformNewHandle: RouteHandle = { crumbs: [networkGroup, platformList, { key: 'platform.create' }] };
const platformDetailHandle: RouteHandle = { crumbs: [networkGroup, platformList, { key: 'platform.detail' }] };
const platformEditHandle: RouteHandle = { crumbs: [networkGroup, platformList, { key: 'platform.edit' }] };
const coverageHandle: RouteHandle = { crumbs: [networkGroup, { key: 'menu.coverage' }] };
const checklistHandle: RouteHandle = { crumbs: [networkGroup, { key: 'menu.checklist' }] };
const passwordHandle: RouteHandle = { crumbs: [{ key: 'header.changePassword' }] };
const notFoundHandle: RouteHandle = { crumbs: [{ key: 'notFound.title' }] };
const orgGroup = { key: 'menu.orgGroup' } as const;
const agencyList = { key: 'menu.agencies', to: '/agencies' } as const;
const groupList = { key: 'menu.groups', to: '/groups' } as const;
const agenciesHandle: RouteHandle = { crumbs: [orgGroup, { key: 'menu.agencies' }] };
const agencyNewHandle: RouteHandle = { crumbs: [orgGroup, agencyList, { key: 'agency.create' }] };
const agencyDetailHandle: RouteHandle = { crumbs: [orgGroup, agencyList, { key: 'agency.detail' }] };
const agencyEditHandle: RouteHandle = { crumbs: [orgGroup, agencyList, { key: 'agency.edit' }] };
const myAgencyHandle: RouteHandle = { crumbs: [{ key: 'menu.myAgency' }] };
const groupsHandle: RouteHandle = { crumbs: [orgGroup, { key: 'menu.groups' }] };
const groupNewHandle: RouteHandle = { crumbs: [orgGroup, groupList, { key: 'group.create' }] };
const groupDetailHandle: RouteHandle = { crumbs: [orgGroup, groupList, { key: 'group.detail' }] };
const groupEditHandle: RouteHandle = { crumbs: [orgGroup, groupList, { key: 'group.edit' }] };

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
        // Public: no session needed, outside the signed-in shell.
        path: '/finder',
        element: (
          <Suspense fallback={<FullPageSpin />}>
            <FinderPage />
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
          {
            path: 'network',
            children: [
              { path: 'platforms', handle: platformsHandle, element: guard('network.read', <PlatformsPage />) },
              { path: 'platforms/new', handle: platformNewHandle, element: guard('network.manage', <PlatformEditPage />) },
              { path: 'platforms/:id', handle: platformDetailHandle, element: guard('network.read', <PlatformDetailPage />) },
              { path: 'platforms/:id/edit', handle: platformEditHandle, element: guard('network.manage', <PlatformEditPage />) },
              { path: 'coverage', handle: coverageHandle, element: guard('network.read', <CoveragePage />) },
              { path: 'checklist', handle: checklistHandle, element: guard('network.rules', <ChecklistPage />) },
            ],
          },
          {
            path: 'agencies',
            children: [
              { index: true, handle: agenciesHandle, element: guard('agency.read', <AgenciesPage />) },
              { path: 'new', handle: agencyNewHandle, element: guard('agency.manage', <AgencyEditPage />) },
              { path: ':id', handle: agencyDetailHandle, element: guard('agency.read', <AgencyDetailPage />) },
              { path: ':id/edit', handle: agencyEditHandle, element: guard('agency.manage', <AgencyEditPage />) },
            ],
          },
          { path: 'my-agency', handle: myAgencyHandle, element: guard('agency.self', <MyAgencyPage />) },
          {
            path: 'groups',
            children: [
              { index: true, handle: groupsHandle, element: guard('network.read', <GroupsPage />) },
              { path: 'new', handle: groupNewHandle, element: guard('network.manage', <GroupEditPage />) },
              { path: ':id', handle: groupDetailHandle, element: guard('network.read', <GroupDetailPage />) },
              { path: ':id/edit', handle: groupEditHandle, element: guard('network.manage', <GroupEditPage />) },
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
