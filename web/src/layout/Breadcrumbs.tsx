import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb } from 'antd';
import { Link, useMatches } from 'react-router';
import { type MessageKey, useI18n } from '../i18n/index.ts';

export interface Crumb {
  key: MessageKey;
  to?: string;
}

export interface RouteHandle {
  crumbs?: Crumb[];
}

/** 首页 / 系统管理 / 用户管理 — from the deepest route's `handle.crumbs`; nothing on the home page. */
export function Breadcrumbs() {
  const { t } = useI18n();
  const matches = useMatches();
  const crumbs = [...matches].reverse().find((m) => (m.handle as RouteHandle | undefined)?.crumbs)?.handle as RouteHandle | undefined;
  if (!crumbs?.crumbs?.length) return null;
  return (
    <Breadcrumb
      className="app-breadcrumb"
      items={[
        {
          key: 'home',
          title: (
            <Link to="/">
              <HomeOutlined /> {t('menu.home')}
            </Link>
          ),
        },
        ...crumbs.crumbs.map((c, i) => ({
          key: `${c.key}-${i}`,
          title: c.to && i < crumbs.crumbs!.length - 1 ? <Link to={c.to}>{t(c.key)}</Link> : t(c.key),
        })),
      ]}
    />
  );
}
