import { Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { useCurrentUser } from '../features/auth/hooks/useSession.ts';
import { Breadcrumbs } from './Breadcrumbs.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { FullPageSpin } from './RequireAuth.tsx';
import { SideMenu } from './SideMenu.tsx';

const COLLAPSED_KEY = 'sgpt.menuCollapsed';

/** The shell: header across the top, collapsible menu on the left, breadcrumbs and the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const toggle = (value = !collapsed) => {
    setCollapsed(value);
    localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
  };
  // Until a required password change is done there is no menu: only that page.
  const minimal = user.mustChangePassword;
  // Phones: the collapsed menu takes no room at all (the header button opens it).
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  return (
    <Layout className="app-root">
      <HeaderBar user={user} collapsed={collapsed} onToggle={() => toggle()} minimal={minimal} />
      <Layout>
        {!minimal && (
          <Layout.Sider
            theme="light"
            width={216}
            collapsedWidth={phone ? 0 : 64}
            collapsible
            collapsed={collapsed}
            trigger={null}
            breakpoint="lg"
            onBreakpoint={(broken) => broken && setCollapsed(true)}
            className="app-sider"
          >
            <SideMenu collapsed={collapsed} />
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          {!minimal && <Breadcrumbs />}
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
