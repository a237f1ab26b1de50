import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Page title (with an optional subtitle) and the primary actions on the right. */
export function PageContainer({ title, subTitle, extra, children }: { title: ReactNode; subTitle?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="page">
      <div className="page-head">
        <div className="page-title">
          <Typography.Title level={4}>{title}</Typography.Title>
          {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
        </div>
        {extra && <div className="page-extra">{extra}</div>}
      </div>
      {children}
    </div>
  );
}
