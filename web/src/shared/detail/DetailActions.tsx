import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.ts';

interface DetailActionsProps {
  canManage: boolean;
  /** The edit form's address. */
  editTo: string;
  /** Test ids are `${testId}-detail-edit` and `${testId}-detail-delete`. */
  testId: string;
  onDelete: () => void;
  /** Further actions, between 编辑 and 删除 (shown whatever canManage says; they carry their own checks). */
  children?: ReactNode;
}

/** A detail page's header actions: 编辑 and 删除 for managers, the page's own actions in between. */
export function DetailActions({ canManage, editTo, testId, onDelete, children }: DetailActionsProps) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {canManage && (
        <Link to={editTo}>
          <Button type="primary" icon={<EditOutlined />} data-testid={`${testId}-detail-edit`}>
            {t('common.edit')}
          </Button>
        </Link>
      )}
      {children}
      {canManage && (
        <Button danger icon={<DeleteOutlined />} onClick={onDelete} data-testid={`${testId}-detail-delete`}>
          {t('common.delete')}
        </Button>
      )}
    </Space>
  );
}
