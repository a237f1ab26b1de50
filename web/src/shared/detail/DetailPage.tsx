import { Alert, Card, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../errors.ts';
import { PageContainer } from '../PageContainer.tsx';

interface DetailPageProps {
  /** The record's name; undefined while it loads (the title is then `fallbackTitle`). */
  name: string | undefined;
  /** data-testid of the name in the title. */
  nameTestId: string;
  /** Status and other tags after the name. */
  tags?: ReactNode;
  fallbackTitle: string;
  subTitle?: ReactNode;
  /** Header actions (see DetailActions). */
  extra?: ReactNode;
  /** The load failed (also a 404): an error alert takes the body's place. */
  error: unknown;
  errorTestId?: string;
  skeletonRows?: number;
  /** The body (tabs or fields); rendered only once the record is there. */
  children: () => ReactNode;
  /** Modals and drawers next to the card. */
  aside?: ReactNode;
}

/**
 * The detail pages' frame (人才, 阵地, 社工机构, 社区社会组织, 我的机构): name and tags as the title, actions on the
 * right, and a card that shows the error, a skeleton while loading, or the record.
 */
export function DetailPage(props: DetailPageProps) {
  const { name, nameTestId, tags, fallbackTitle, subTitle, extra, error, errorTestId, skeletonRows = 8, children, aside } = props;
  const errorText = useErrorText();
  return (
    <PageContainer
      title={
        name !== undefined ? (
          <Space size={8} wrap>
            <span data-testid={nameTestId}>{name}</span>
            {tags}
          </Space>
        ) : (
          fallbackTitle
        )
      }
      subTitle={subTitle}
      extra={extra}
    >
      <Card>
        {error ? (
          <Alert type="error" showIcon title={errorText(error)} data-testid={errorTestId} />
        ) : name === undefined ? (
          <Skeleton active paragraph={{ rows: skeletonRows }} />
        ) : (
          children()
        )}
      </Card>
      {aside}
    </PageContainer>
  );
}
