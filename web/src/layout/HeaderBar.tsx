import { EnvironmentOutlined, MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { SessionUser } from '../features/auth/api/auth.api.ts';
import { scopePathNames } from '../features/auth/hooks/useSession.ts';
import { TodoBadge } from '../features/talents/components/TodoBadge.tsx';
import { useI18n } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLogo() {
  return (
    <span className="app-logo" aria-hidden>
      社
    </span>
  );
}

interface HeaderBarProps {
  user: SessionUser;
  collapsed: boolean;
  onToggle: () => void;
  /** Forced password change: no menu toggle, no profile/password entries. */
  minimal: boolean;
}

export function HeaderBar({ user, collapsed, onToggle, minimal }: HeaderBarProps) {
  const { t } = useI18n();
  const scope = scopePathNames(user).join(' / ');
  return (
    <Layout.Header className="app-header">
      <div className="app-header-left">
        {!minimal && (
          <Tooltip title={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}>
            <Button
              type="text"
              className="app-header-toggle"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={onToggle}
              data-testid="menu-collapse"
              aria-label={collapsed ? t('header.expandMenu') : t('header.collapseMenu')}
            />
          </Tooltip>
        )}
        <Link to="/" className="app-brand">
          <AppLogo />
          <span className="app-brand-name">{t('app.name')}</span>
        </Link>
      </div>
      <div className="app-header-right">
        <Tooltip title={t('header.scope')}>
          <span className="app-header-scope" data-testid="header-scope">
            <EnvironmentOutlined /> {scope}
          </span>
        </Tooltip>
        {!minimal && user.permissions.includes('talent.manage') && <TodoBadge />}
        <LanguageSwitch />
        <UserMenu user={user} minimal={minimal} />
      </div>
    </Layout.Header>
  );
}
