import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { isRegionCode } from '../../../../domain/standards/region-code.ts';
import { platformKeys, platformsApi } from '../../features/network/api/platforms.api.ts';
import { PlatformForm } from '../../features/network/components/form/PlatformForm.tsx';
import { useI18n } from '../../i18n/index.ts';
import { NETWORK_LISTS } from '../../i18n/network-labels.ts';
import { EditPage } from '../../shared/form/EditPage.tsx';

/** /network/platforms/new (?regionCode=&kind= from the uncovered list) and /network/platforms/:id/edit. */
export default function PlatformEditPage() {
  const { id } = useParams();
  const [sp] = useSearchParams();
  const { t } = useI18n();
  const detail = useQuery({ queryKey: platformKeys.detail(id ?? ''), queryFn: () => platformsApi.get(id as string), enabled: !!id });
  const prefill = () => {
    const regionCode = sp.get('regionCode') ?? undefined;
    const kind = sp.get('kind') ?? undefined;
    return {
      regionCode: regionCode && isRegionCode(regionCode) ? regionCode : undefined,
      kind: kind && NETWORK_LISTS.kind.some((k) => k.code === kind) ? kind : undefined,
    };
  };
  return (
    <EditPage
      id={id}
      record={detail}
      createTitle={t('platform.create')}
      editTitle={t('platform.edit')}
      editTitleOf={(p) => t('platform.editTitle', { name: p.name })}
      skeletonRows={10}
      createForm={() => <PlatformForm prefill={prefill()} />}
      editForm={(p) => <PlatformForm key={p.id} detail={p} />}
    />
  );
}
