import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n/index.ts';
import { useNetworkLabels } from '../../../i18n/network-labels.ts';
import type { PublicStation } from '../api/public.api.ts';

/** "1.2 公里" / "850 米" — what a resident reads. */
export function useDistanceText(): (km: number | null) => string {
  const { t } = useI18n();
  return (km) => {
    if (km === null) return '';
    if (km < 1) return t('finder.meters', { n: Math.max(10, Math.round((km * 1000) / 10) * 10) });
    return t('finder.km', { n: km < 10 ? km.toFixed(1) : Math.round(km) });
  };
}

interface StationListProps {
  items: PublicStation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The results as cards: name, kind, distance, address, hours, a phone link and the services. */
export function StationList({ items, selectedId, onSelect }: StationListProps) {
  const { t } = useI18n();
  const labels = useNetworkLabels();
  const distance = useDistanceText();
  // A point clicked on the map: bring its card into view.
  useEffect(() => {
    if (selectedId) document.querySelector(`[data-testid="finder-item-${selectedId}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selectedId]);
  return (
    <ol className="finder-list" data-testid="finder-results">
      {items.map((s) => (
        <li key={s.id}>
          <article className={`finder-item${s.id === selectedId ? ' finder-item-selected' : ''}`} data-testid={`finder-item-${s.id}`}>
            <div className="finder-item-head">
              {/* The name selects the station on the map. */}
              <button
                type="button"
                className="finder-item-name"
                onClick={() => onSelect(s.id)}
                aria-pressed={s.id === selectedId}
                data-testid={`finder-select-${s.id}`}
              >
                {s.name}
              </button>
              {s.distanceKm !== null && (
                <span className="finder-distance" data-testid="finder-distance">
                  {distance(s.distanceKm)}
                </span>
              )}
            </div>
            <Space size={[4, 4]} wrap className="finder-item-tags">
              <Tag color={s.kind === 'station' ? 'blue' : 'cyan'}>{labels.name('kindShort', s.kind)}</Tag>
              {s.brand && <Tag color="gold">{s.brand}</Tag>}
            </Space>
            <div className="finder-line">
              <EnvironmentOutlined />
              <span>
                {s.regionPath}
                {s.address ? ` · ${s.address}` : ''}
              </span>
            </div>
            <div className="finder-line">
              <ClockCircleOutlined />
              <span>{s.openingHours || t('finder.hoursUnknown')}</span>
            </div>
            {s.contactPhone && (
              <div className="finder-line">
                <PhoneOutlined />
                <a href={`tel:${s.contactPhone}`} onClick={(e) => e.stopPropagation()} data-testid="finder-phone">
                  {s.contactPhone}
                </a>
              </div>
            )}
            {s.services.length > 0 && (
              <div className="finder-services">
                {s.services.map((c) => (
                  <Tag key={c} bordered={false}>
                    {labels.name('service', c)}
                  </Tag>
                ))}
              </div>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
