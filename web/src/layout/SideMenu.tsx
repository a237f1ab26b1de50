import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  HeatMapOutlined,
  HomeOutlined,
  IdcardOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../features/auth/hooks/useSession.ts';
import { type MessageKey, useI18n } from '../i18n/index.ts';

type Item = { key: string; icon: ReactNode; label: ReactNode; children?: Item[] };

/** The menu entry whose path is the longest prefix of the current path ('/talents/42' → '/talents'). */
function selectedKey(pathname: string, keys: string[]): string {
  if (pathname === '/') return '/';
  return keys.filter((k) => k !== '/' && (pathname === k || pathname.startsWith(`${k}/`))).sort((a, b) => b.length - a.length)[0] ?? '';
}

/** Only the modules that work, and only those the role may use. A social worker sees only their own record. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items = useMemo<Item[]>(() => {
    const entry = (key: string, icon: ReactNode, label: MessageKey, testId: string): Item => ({
      key,
      icon,
      label: <span data-testid={testId}>{t(label)}</span>,
    });
    const group = (key: string, icon: ReactNode, label: MessageKey, testId: string, children: (Item | false)[]): Item[] => {
      const kids = children.filter((x): x is Item => x !== false);
      return kids.length ? [{ ...entry(key, icon, label, testId), children: kids }] : [];
    };
    if (can('talent.self') && !can('talent.read')) return [entry('/me/talent', <IdcardOutlined />, 'menu.myTalent', 'menu-my-talent')];
    return [
      entry('/', <HomeOutlined />, 'menu.home', 'menu-home'),
      ...group('talents', <SolutionOutlined />, 'menu.talentGroup', 'menu-talent-group', [
        can('talent.read') && entry('/talents', <UnorderedListOutlined />, 'menu.talents', 'menu-talents'),
        can('talent.read') && entry('/talents/analytics', <BarChartOutlined />, 'menu.talentAnalytics', 'menu-talent-analytics'),
        can('talent.read') && entry('/talents/workbench', <FileSearchOutlined />, 'menu.talentWorkbench', 'menu-talent-workbench'),
        can('talent.rules') && entry('/talents/key-rules', <StarOutlined />, 'menu.keyRules', 'menu-key-rules'),
      ]),
      ...group('network', <EnvironmentOutlined />, 'menu.networkGroup', 'menu-network-group', [
        can('network.read') && entry('/network/platforms', <GlobalOutlined />, 'menu.platforms', 'menu-platforms'),
        can('network.read') && entry('/network/coverage', <HeatMapOutlined />, 'menu.coverage', 'menu-coverage'),
        can('network.rules') && entry('/network/checklist', <CheckSquareOutlined />, 'menu.checklist', 'menu-checklist'),
      ]),
      ...group('org', <BankOutlined />, 'menu.orgGroup', 'menu-org-group', [
        can('agency.read') && entry('/agencies', <ShopOutlined />, 'menu.agencies', 'menu-agencies'),
        can('network.read') && entry('/groups', <UsergroupAddOutlined />, 'menu.groups', 'menu-groups'),
        // An agency administrator sees only their own agency.
        can('agency.self') && !can('agency.read') && entry('/my-agency', <ShopOutlined />, 'menu.myAgency', 'menu-my-agency'),
      ]),
      ...(can('region.read') ? [entry('/regions', <ApartmentOutlined />, 'menu.regions', 'menu-regions')] : []),
      ...group('system', <SettingOutlined />, 'menu.system', 'menu-system', [
        can('user.read') && entry('/users', <TeamOutlined />, 'menu.users', 'menu-users'),
        can('audit.read') && entry('/audit', <AuditOutlined />, 'menu.audit', 'menu-audit'),
      ]),
    ];
  }, [can, t]);

  const keys = useMemo(() => items.flatMap((i) => [i.key, ...(i.children ?? []).map((c) => c.key)]), [items]);
  const selected = selectedKey(pathname, keys);
  const parent = items.find((i) => i.children?.some((c) => c.key === selected))?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(['talents', 'network', 'system']);
  useEffect(() => {
    if (parent) setOpenKeys((k) => (k.includes(parent) ? k : [...k, parent]));
  }, [parent]);

  return (
    <Menu
      mode="inline"
      items={items as MenuProps['items']}
      selectedKeys={[selected]}
      openKeys={collapsed ? undefined : openKeys}
      onOpenChange={(keys) => setOpenKeys(keys as string[])}
      onClick={({ key }) => navigate(key)}
      className="app-side-menu"
      data-testid="side-menu"
    />
  );
}
