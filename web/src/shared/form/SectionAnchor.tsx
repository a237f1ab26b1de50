import { Anchor } from 'antd';

/**
 * The jump list beside a long form's cards (each card's id is its section key). Scrolls itself instead of
 * changing the address, so the hash does not end up in the URL (or in the leave guard's way).
 */
export function SectionAnchor({ sections }: { sections: { key: string; title: string }[] }) {
  return (
    <Anchor
      offsetTop={72}
      targetOffset={80}
      items={sections.map((s) => ({ key: s.key, href: `#${s.key}`, title: s.title }))}
      onClick={(e, link) => {
        e.preventDefault();
        document.getElementById(link.href.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }}
    />
  );
}
