import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { isRegionCode } from '../../../../domain/standards/region-code.ts';
import { platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import { PlatformForm } from '../../features/network/components/form/PlatformForm.tsx';
import { useI18n } from '../../i18n/index.ts';
import { NETWORK_LISTS } from '../../i18n/network-labels.ts';
import { useErrorText } from '../../shared/errors.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';

/** /network/platforms/new (?regionCode=&kind= from the uncovered list) and /network/platforms/:id/edit. */
export default function PlatformEditPage() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  const { t } = useI18n();
  const errorText = useErrorText();
  const detail = useQuery({ queryKey: platformKeys.detail(id ?? ''), queryFn: () => platformsApi.get(id as string), enabled: !!id });

  if (!id) {
    const regionCode = sp.get('regionCode') ?? undefined;
    const kind = sp.get('kind') ?? undefined;
    const prefill = {
      regionCode: regionCode && isRegionCode(regionCode) ? regionCode : undefined,
      kind: kind && NETWORK_LISTS.kind.some((k) => k.code === kind) ? kind : undefined,
    };
    return (
      <PageContainer title={t('platform.create')}>
        <PlatformForm prefill={prefill} />
      </PageContainer>
    );
  }
  return (
    <PageContainer title={detail.data ? t('platform.editTitle', { name: detail.data.name }) : t('platform.edit')}>
      {detail.error ? (
        <Alert type="error" showIcon title={errorText(detail.error)} />
      ) : !detail.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <PlatformForm key={detail.data.id} detail={detail.data} />
      )}
    </PageContainer>
  );
}
