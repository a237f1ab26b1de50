import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Card, Empty, Image, Input, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/index.ts';
import { useNotifyError } from '../../../../shared/errors.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import { PHOTO_MAX_BYTES, PHOTO_TYPES, platformKeys, platformsApi } from '../../api/platforms.api.ts';
import type { PlatformDetail } from '../../api/types.ts';

const MAX_PHOTOS = 20;

/** 照片: thumbnails (served under the user's session), upload with a caption, delete. */
export function PhotosTab({ platform, canManage }: { platform: PlatformDetail; canManage: boolean }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [caption, setCaption] = useState('');
  const [percent, setPercent] = useState<number | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: platformKeys.detail(platform.id) });
  const full = platform.photos.length >= MAX_PHOTOS;

  const upload = async (file: File) => {
    // The server checks the bytes themselves; these checks only spare a useless upload.
    if (!PHOTO_TYPES.includes(file.type)) return void message.error(t('platform.photos.badType'));
    if (file.size > PHOTO_MAX_BYTES) return void message.error(t('platform.photos.tooLarge'));
    if (full) return void message.error(t('platform.photos.full'));
    setPercent(0);
    try {
      await platformsApi.uploadPhoto(platform.id, file, caption.trim(), setPercent);
      message.success(t('platform.photos.uploaded', { name: file.name }));
      setCaption('');
      await refresh();
    } catch (err) {
      notifyError(err);
    } finally {
      setPercent(null);
    }
  };

  const remove = (photoId: string) =>
    modal.confirm({
      title: t('platform.photos.deleteTitle'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-ok' } as ButtonProps,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await platformsApi.removePhoto(platform.id, photoId);
          message.success(t('platform.photos.deleted'));
          await refresh();
        } catch (err) {
          notifyError(err);
        }
      },
    });

  return (
    <div data-testid="platform-photos">
      {canManage && (
        <Space wrap style={{ marginBottom: 16 }} align="start">
          <Input
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            maxLength={100}
            placeholder={t('platform.photos.caption')}
            style={{ width: 260 }}
            data-testid="platform-photo-caption"
          />
          <Upload
            accept={PHOTO_TYPES.join(',')}
            multiple={false}
            showUploadList={false}
            disabled={percent !== null || full}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={percent !== null} disabled={full} data-testid="platform-photo-upload">
              {t('platform.photos.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('platform.photos.hint')}</Typography.Text>
        </Space>
      )}
      {percent !== null && <Progress percent={percent} status="active" style={{ maxWidth: 400 }} />}
      {platform.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('platform.photos.empty')} />
      ) : (
        <Image.PreviewGroup>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 12 }}>
            {platform.photos.map((p) => (
              <Card
                key={p.id}
                size="small"
                cover={<Image src={platformsApi.photoUrl(platform.id, p.id)} alt={p.caption || p.fileName} height={140} style={{ objectFit: 'cover' }} />}
                actions={
                  canManage
                    ? [
                        <Button
                          key="delete"
                          type="text"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          onClick={() => remove(p.id)}
                          aria-label={t('common.delete')}
                          data-testid={`photo-delete-${p.id}`}
                        />,
                      ]
                    : undefined
                }
                data-testid={`photo-${p.id}`}
              >
                <Card.Meta title={p.caption || p.fileName} description={formatDateTime(p.createdAt, false)} />
              </Card>
            ))}
          </div>
        </Image.PreviewGroup>
      )}
    </div>
  );
}
