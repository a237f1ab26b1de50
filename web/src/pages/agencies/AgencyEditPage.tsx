import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { agenciesApi, agencyKeys } from '../../features/agencies/api/agencies.api.ts';
import { AgencyForm } from '../../features/agencies/components/form/AgencyForm.tsx';
import { scopeRootOf, useCurrentUser } from '../../features/auth/hooks/useSession.ts';
import { useI18n } from '../../i18n/index.ts';
import { EditPage } from '../../shared/form/EditPage.tsx';

/** /agencies/new and /agencies/:id/edit. */
export default function AgencyEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const root = scopeRootOf(useCurrentUser());
  const detail = useQuery({ queryKey: agencyKeys.detail(id ?? ''), queryFn: () => agenciesApi.get(id as string), enabled: !!id });
  return (
    <EditPage
      id={id}
      record={detail}
      createTitle={t('agency.create')}
      editTitle={t('agency.edit')}
      editTitleOf={(a) => t('agency.editTitle', { name: a.name })}
      createForm={() => <AgencyForm defaultRegion={root.level >= 2 ? root.code : undefined} />}
      editForm={(a) => <AgencyForm key={a.id} detail={a} />}
    />
  );
}
