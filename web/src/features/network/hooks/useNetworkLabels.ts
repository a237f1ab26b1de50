/**
 * Names of the network code lists (domain/network/code-lists.ts, what the server validates against)
 * in the current language. Chinese names come from domain/; English ones are kept here, typed
 * against the domain codes so a new code cannot go untranslated.
 */
import { useMemo } from 'react';
import {
  CONSTRUCTION_SOURCES,
  type ConstructionSource,
  DEMO_LEVELS,
  type DemoLevel,
  FUNDING_SOURCES,
  type FundingSource,
  OPERATING_MODES,
  type OperatingMode,
  PLATFORM_KIND_SHORT,
  PLATFORM_KINDS,
  PLATFORM_STATUSES,
  type PlatformKind,
  type PlatformStatus,
  STATION_SERVICES,
  type StationService,
} from '../../../../../domain/network/code-lists.ts';
import { useI18n } from '../../../i18n/index.ts';

type Item = { readonly code: string; readonly name: string };

const KIND_SHORT = (Object.entries(PLATFORM_KIND_SHORT) as [PlatformKind, string][]).map(([code, name]) => ({ code, name }));

export const NETWORK_LISTS = {
  kind: PLATFORM_KINDS,
  kindShort: KIND_SHORT,
  status: PLATFORM_STATUSES,
  operatingMode: OPERATING_MODES,
  constructionSource: CONSTRUCTION_SOURCES,
  service: STATION_SERVICES,
  fundingSource: FUNDING_SOURCES,
  demoLevel: DEMO_LEVELS,
} satisfies Record<string, readonly Item[]>;
export type NetworkListName = keyof typeof NETWORK_LISTS;

const KIND_EN: Record<PlatformKind, string> = {
  guidance_centre: 'Social work guidance centre',
  county_hub: 'County social work hub',
  station: 'Township social work station',
  room: 'Village social work room',
  training_base: 'Social work training base',
  practice_base: 'Social work practice base',
};

const EN: Record<NetworkListName, Record<string, string>> = {
  kind: KIND_EN,
  kindShort: {
    guidance_centre: 'Guidance centre',
    county_hub: 'County hub',
    station: 'Station',
    room: 'Room',
    training_base: 'Training base',
    practice_base: 'Practice base',
  } satisfies Record<PlatformKind, string>,
  status: { planned: 'Planned', operating: 'Operating', suspended: 'Suspended', closed: 'Closed' } satisfies Record<PlatformStatus, string>,
  operatingMode: { self: 'Run by the government', agency: 'Run by an agency' } satisfies Record<OperatingMode, string>,
  constructionSource: {
    provincial_award: 'Provincial award funds',
    community_pilot: 'Community governance pilot',
    civil_institution: 'Civil-affairs institution',
    department_resources: 'Other departments’ resources',
    existing_site: 'Existing premises',
    other: 'Other',
  } satisfies Record<ConstructionSource, string>,
  service: {
    policy: 'Policy advice',
    assistance: 'Social assistance',
    comfort: 'Emotional support',
    capacity: 'Capacity building',
    support: 'Social support',
    crisis: 'Crisis intervention',
    rights: 'Rights protection',
    integration: 'Social integration',
    participation: 'Community participation',
    culture_health: 'Culture and health',
    environment: 'Environment',
  } satisfies Record<StationService, string>,
  fundingSource: {
    central: 'Central budget',
    provincial: 'Provincial budget',
    city: 'City budget',
    county: 'County budget',
    lottery: 'Welfare lottery fund',
    social: 'Donations',
    other: 'Other',
  } satisfies Record<FundingSource, string>,
  demoLevel: { national: 'National', provincial: 'Provincial', city: 'City', county: 'County' } satisfies Record<DemoLevel, string>,
};

export interface NetworkLabels {
  name: (list: NetworkListName, code: string | null | undefined) => string;
  options: (list: NetworkListName, only?: readonly string[]) => { value: string; label: string }[];
  names: (list: NetworkListName, codes: readonly string[]) => string;
}

export function useNetworkLabels(): NetworkLabels {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const name = (list: NetworkListName, code: string | null | undefined) => {
      if (code === null || code === undefined) return '';
      const zh = (NETWORK_LISTS[list] as readonly Item[]).find((x) => x.code === code)?.name;
      return (lang === 'en' ? EN[list][code] : undefined) ?? zh ?? code;
    };
    return {
      name,
      options: (list, only) =>
        (NETWORK_LISTS[list] as readonly Item[]).filter((x) => !only || only.includes(x.code)).map((x) => ({ value: x.code, label: name(list, x.code) })),
      names: (list, codes) => codes.map((c) => name(list, c)).join(t('common.listSeparator')),
    };
  }, [lang, t]);
}
