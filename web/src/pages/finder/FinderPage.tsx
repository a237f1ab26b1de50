import { AimOutlined, EnvironmentOutlined, LoginOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Grid, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { NEAREST_LIMIT, PAGE_SIZE, publicApi, publicKeys, type StationKind } from '../../features/finder/api/public.api.ts';
import { PlacePicker } from '../../features/finder/components/PlacePicker.tsx';
import { StationList } from '../../features/finder/components/StationList.tsx';
import { StationMap } from '../../features/finder/components/StationMap.tsx';
import { useGeolocation } from '../../features/finder/useGeolocation.ts';
import '../../features/finder/finder.css';
import { useI18n } from '../../i18n/index.ts';
import { AppLogo } from '../../layout/HeaderBar.tsx';
import { LanguageSwitch } from '../../layout/LanguageSwitch.tsx';
import { useErrorText } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';

type Mode = { by: 'place'; path: string[]; names: string[] } | { by: 'near' };

/**
 * /finder — 查找身边的社工站, for anyone (no login; only /api/v1/public/*): choose a place or use the
 * device's location; the operating stations and rooms come as a list and as points on the map —
 * side by side on wide screens; on a phone one at a time with a switch, and tapping a station's name
 * shows it on the map with its card below.
 */
export default function FinderPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>({ by: 'place', path: [], names: [] });
  const [kind, setKind] = useState<StationKind>('all');
  const [page, setPage] = useState(1);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [geo, locate] = useGeolocation();
  // Before the first measurement `md` is undefined: wide, as on the server's first paint.
  const narrow = Grid.useBreakpoint().md === false;
  const [pane, setPane] = useState<'list' | 'map'>('list');

  useEffect(() => {
    if (geo.status === 'ok') setMode({ by: 'near' });
  }, [geo]);

  const regionCode = mode.by === 'place' ? (mode.path.at(-1) ?? null) : null;
  const near = mode.by === 'near' && geo.status === 'ok' ? { lng: geo.lng, lat: geo.lat } : null;

  const results = useQuery({
    queryKey: near ? publicKeys.nearest(near.lng, near.lat, kind) : publicKeys.inRegion(regionCode ?? '', kind, page),
    queryFn: () => (near ? publicApi.nearest(near.lng, near.lat, kind) : publicApi.inRegion(regionCode as string, kind, page)),
    enabled: !!near || !!regionCode,
    placeholderData: keepPreviousData,
  });
  const items = results.data?.items ?? [];
  const total: number = (!near && (results.data as { total?: number } | undefined)?.total) || items.length;
  // The map shows the chosen place, or the division of the nearest station.
  const mapRegion = regionCode ?? items[0]?.regionCode ?? null;

  const choosePlace = (path: string[], names: string[]) => {
    setMode({ by: 'place', path, names });
    setPage(1);
    setSelectedId(null);
    setPane('list');
  };
  const selectFromList = (id: string) => {
    setSelectedId(id);
    if (narrow) setPane('map');
  };
  const selected = items.find((s) => s.id === selectedId);

  const geoMessage =
    geo.status === 'error'
      ? t(geo.reason === 'denied' ? 'finder.geoDenied' : geo.reason === 'unsupported' ? 'finder.geoUnsupported' : 'finder.geoUnavailable')
      : null;
  const started = !!near || !!regionCode;

  return (
    <div className="finder-page">
      <header className="finder-top">
        <span className="finder-brand">
          <AppLogo />
          <span>{t('app.name')}</span>
        </span>
        <span className="finder-top-actions">
          <LanguageSwitch />
          <Link to="/login">
            <Button type="text" icon={<LoginOutlined />} data-testid="finder-login">
              {t('finder.staffLogin')}
            </Button>
          </Link>
        </span>
      </header>
      <main className="finder-main">
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {t('finder.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('finder.intro')}</Typography.Paragraph>
        <div className="finder-controls">
          <PlacePicker value={mode.by === 'place' ? mode.path : []} onChange={choosePlace} />
          <Button icon={<AimOutlined />} loading={geo.status === 'locating'} onClick={locate} data-testid="finder-locate">
            {t('finder.locate')}
          </Button>
          <Segmented<StationKind>
            value={kind}
            onChange={(k) => {
              setKind(k);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('finder.kindAll') },
              { value: 'station', label: t('finder.kindStation') },
              { value: 'room', label: t('finder.kindRoom') },
            ]}
            data-testid="finder-kind"
          />
        </div>
        {geoMessage && <Alert type="warning" showIcon title={geoMessage} style={{ marginBottom: 12 }} data-testid="finder-geo-error" />}
        {results.error && <Alert type="error" showIcon title={errorText(results.error)} style={{ marginBottom: 12 }} data-testid="finder-error" />}
        {!started ? (
          <Card>
            <Empty description={t('finder.start')} data-testid="finder-start" />
          </Card>
        ) : results.isLoading ? (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        ) : items.length === 0 && !results.error ? (
          <Card>
            <Empty description={near ? t('finder.emptyNear') : t('finder.emptyPlace')} data-testid="finder-empty" />
          </Card>
        ) : (
          <div className="finder-body">
            {narrow && (
              <Segmented<'list' | 'map'>
                block
                value={pane}
                onChange={setPane}
                options={[
                  { value: 'list', label: t('finder.viewList'), icon: <UnorderedListOutlined /> },
                  { value: 'map', label: t('finder.viewMap'), icon: <EnvironmentOutlined /> },
                ]}
                data-testid="finder-pane"
              />
            )}
            {(!narrow || pane === 'list') && (
              <section>
                <div className="finder-summary" data-testid="finder-summary">
                  {/* While another place loads, the previous answer stays on screen: say so rather than pair its count with the new name. */}
                  {results.isPlaceholderData
                    ? t('finder.loading')
                    : near
                      ? t('finder.summaryNear', { n: items.length, max: NEAREST_LIMIT })
                      : t('finder.summaryPlace', { place: mode.by === 'place' ? mode.names.join(' / ') : '', n: formatNumber(total) })}
                </div>
                <StationList items={items} selectedId={selectedId} onSelect={selectFromList} />
                {!near && total > PAGE_SIZE && (
                  <Pagination
                    style={{ marginTop: 12 }}
                    simple
                    current={page}
                    pageSize={PAGE_SIZE}
                    total={total}
                    onChange={(p) => {
                      setPage(p);
                      setSelectedId(null);
                    }}
                    data-testid="finder-pages"
                  />
                )}
              </section>
            )}
            {(!narrow || pane === 'map') && (
              <div>
                <Card className="finder-map-card" size="small">
                  <StationMap regionCode={mapRegion} items={items} selectedId={selectedId} onSelect={setSelectedId} me={near} />
                </Card>
                {/* On a phone the list is hidden behind the switch: the chosen station's card comes under the map. */}
                {narrow && selected && (
                  <div style={{ marginTop: 12 }}>
                    <StationList items={[selected]} selectedId={selectedId} onSelect={setSelectedId} />
                  </div>
                )}
              </div>
            )}
          </div>
        )}
      </main>
      <footer className="finder-foot">{t('finder.footer')}</footer>
    </div>
  );
}
