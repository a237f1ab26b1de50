import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { type Lang, useI18n } from '../i18n/index.ts';

export const LANGUAGE_NAMES: Record<Lang, string> = { 'zh-CN': '简体中文', en: 'English' };

/** Globe button with the two languages; the choice is remembered. */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: (Object.keys(LANGUAGE_NAMES) as Lang[]).map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{LANGUAGE_NAMES[l]}</span> })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button type={type} icon={<GlobalOutlined />} data-testid="language-switch" aria-label={t('header.language')}>
        <span className="language-switch-label">{LANGUAGE_NAMES[lang]}</span>
      </Button>
    </Dropdown>
  );
}
