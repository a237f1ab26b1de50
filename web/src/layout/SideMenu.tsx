import { ApartmentOutlined, AuditOutlined, HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from '../features/auth/hooks/useSession.ts';
import { useI18n } from '../i18n/index.ts';

/** Only the modules that work, and only those the role may use. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items = useMemo<MenuProps['items']>(() => {
    const system = [
      can('user.read') && { key: '/users', icon: <TeamOutlined />, label: <span data-testid="menu-users">{t('menu.users')}</span> },
      can('audit.read') && { key: '/audit', icon: <AuditOutlined />, label: <span data-testid="menu-audit">{t('menu.audit')}</span> },
    ].filter((x) => x !== false);
    return [
      { key: '/', icon: <HomeOutlined />, label: <span data-testid="menu-home">{t('menu.home')}</span> },
      ...(can('region.read') ? [{ key: '/regions', icon: <ApartmentOutlined />, label: <span data-testid="menu-regions">{t('menu.regions')}</span> }] : []),
      ...(system.length
        ? [{ key: 'system', icon: <SettingOutlined />, label: <span data-testid="menu-system">{t('menu.system')}</span>, children: system }]
        : []),
    ];
  }, [can, t]);

  const selected = pathname === '/' ? '/' : `/${pathname.split('/')[1]}`;
  const [openKeys, setOpenKeys] = useState<string[]>(['system']);
  useEffect(() => {
    if (selected === '/users' || selected === '/audit') setOpenKeys((k) => (k.includes('system') ? k : [...k, 'system']));
  }, [selected]);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      openKeys={collapsed ? undefined : openKeys}
      onOpenChange={(keys) => setOpenKeys(keys as string[])}
      onClick={({ key }) => navigate(key)}
      className="app-side-menu"
      data-testid="side-menu"
    />
  );
}
