import { DownOutlined, GlobalOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, type MenuProps, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi, type SessionUser } from '../features/auth/api/auth.api.ts';
import { useEndSession } from '../features/auth/hooks/useSession.ts';
import { type Lang, useI18n } from '../i18n/index.ts';
import { useLabels } from '../i18n/labels.ts';
import { LANGUAGE_NAMES } from './LanguageSwitch.tsx';
import { ProfileDrawer } from './ProfileDrawer.tsx';

/** Avatar, name and role; menu with 个人信息 / 修改密码 / 语言 / 退出登录. */
export function UserMenu({ user, minimal = false }: { user: SessionUser; minimal?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  const endSession = useEndSession();
  const { message } = App.useApp();
  const [profileOpen, setProfileOpen] = useState(false);

  const logout = async () => {
    try {
      await authApi.logout();
    } catch {
      // Already signed out on the server: leave anyway.
    }
    navigate('/login', { replace: true });
    endSession();
    message.success(t('auth.loggedOut'));
  };

  const items: MenuProps['items'] = [
    ...(minimal
      ? []
      : [
          { key: 'profile', icon: <IdcardOutlined />, label: <span data-testid="user-menu-profile">{t('header.profile')}</span> },
          { key: 'password', icon: <KeyOutlined />, label: <span data-testid="user-menu-password">{t('header.changePassword')}</span> },
        ]),
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: <span data-testid="user-menu-language">{t('header.language')}</span>,
      children: (Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => ({
        key: `lang:${l}`,
        label: <span data-testid={`user-menu-lang-${l}`}>{LANGUAGE_NAMES[l]}</span>,
      })),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('header.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') setProfileOpen(true);
    else if (key === 'password') navigate('/account/password');
    else if (key === 'logout') void logout();
    else if (key.startsWith('lang:')) setLang(key.slice(5) as Lang);
  };

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick, selectable: true, selectedKeys: [`lang:${lang}`] }} placement="bottomRight">
        <button type="button" className="header-user" data-testid="user-menu">
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} className="header-avatar" />
            <span className="header-user-name">{user.displayName}</span>
            <Typography.Text type="secondary" className="header-user-role">
              {labels.role(user.role, user.roleName)}
            </Typography.Text>
            <DownOutlined className="header-user-caret" />
          </Space>
        </button>
      </Dropdown>
      <ProfileDrawer user={user} open={profileOpen} onClose={() => setProfileOpen(false)} />
    </>
  );
}
