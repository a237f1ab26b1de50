import { useI18n } from '../../../../i18n/index.ts';
import { type FormListCardProps, FormListCard as SharedFormListCard } from '../../../../shared/form/FormListCard.tsx';

/** The platform form's list cards (荣誉, 资金): the shared FormListCard with the platform form's test ids and wording. */
export function FormListCard(props: Omit<FormListCardProps, 'testIdPrefix' | 'emptyText' | 'removeLabel' | 'name'> & { name: 'honours' | 'funding' }) {
  const { t } = useI18n();
  return <SharedFormListCard {...props} testIdPrefix="platform-form" emptyText={t('platform.form.noRows')} removeLabel={t('platform.form.removeRow')} />;
}
