/**
 * Names of the service network's code lists (domain/network/code-lists.ts, the lists the server validates
 * against) in the current language: platforms, agencies, pairings, community groups and the finder all read
 * them from here. Chinese names come from domain/; English ones are kept here, typed against the domain codes
 * so a new code cannot go untranslated.
 */
import { useMemo } from 'react';
import {
  AGENCY_RATINGS,
  AGENCY_STATUSES,
  AGENCY_TAGS,
  type AgencyStatus,
  type AgencyTag,
  CONSTRUCTION_SOURCES,
  type ConstructionSource,
  DEMO_LEVELS,
  type DemoLevel,
  FUNDING_SOURCES,
  type FundingSource,
  GROUP_KINDS,
  GROUP_REGISTRATIONS,
  GROUP_STATUSES,
  type GroupKind,
  type GroupRegistration,
  type GroupStatus,
  OPERATING_MODES,
  type OperatingMode,
  PAIRING_PROGRAMS,
  type PairingProgram,
  PLATFORM_KIND_SHORT,
  PLATFORM_KINDS,
  PLATFORM_STATUSES,
  type PlatformKind,
  type PlatformStatus,
  STATION_SERVICES,
  type StationService,
} from '../../../domain/network/code-lists.ts';
import { useI18n } from './index.ts';

type Item = { readonly code: string; readonly name: string };

const KIND_SHORT = (Object.entries(PLATFORM_KIND_SHORT) as [PlatformKind, string][]).map(([code, name]) => ({ code, name }));

export const NETWORK_LISTS = {
  // 阵地
  kind: PLATFORM_KINDS,
  kindShort: KIND_SHORT,
  status: PLATFORM_STATUSES,
  operatingMode: OPERATING_MODES,
  constructionSource: CONSTRUCTION_SOURCES,
  service: STATION_SERVICES,
  fundingSource: FUNDING_SOURCES,
  demoLevel: DEMO_LEVELS,
  // 社工机构 and 结对
  agencyTag: AGENCY_TAGS,
  rating: AGENCY_RATINGS,
  agencyStatus: AGENCY_STATUSES,
  program: PAIRING_PROGRAMS,
  // 社区社会组织
  groupKind: GROUP_KINDS,
  registration: GROUP_REGISTRATIONS,
  groupStatus: GROUP_STATUSES,
} satisfies Record<string, readonly Item[]>;
export type NetworkListName = keyof typeof NETWORK_LISTS;

/** Lists without an entry (ratings: 5A…1A) read the same in both languages. */
const EN: { [K in NetworkListName]?: Record<string, string> } = {
  kind: {
    guidance_centre: 'Social work guidance centre',
    county_hub: 'County social work hub',
    station: 'Township social work station',
    room: 'Village social work room',
    training_base: 'Social work training base',
    practice_base: 'Social work practice base',
  } satisfies Record<PlatformKind, string>,
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
  agencyTag: { industry: 'Industry', hub: 'Hub', brand: 'Brand' } satisfies Record<AgencyTag, string>,
  agencyStatus: { active: 'Active', deregistered: 'Deregistered' } satisfies Record<AgencyStatus, string>,
  program: { pairing: 'Pairing support', hand_in_hand: 'Hand in Hand programme', other: 'Other' } satisfies Record<PairingProgram, string>,
  groupKind: {
    service: 'Daily-life services',
    charity: 'Charity',
    culture: 'Culture & sports',
    volunteer: 'Volunteering',
    mediation: 'Mediation',
    elderly: "Seniors' association",
    other: 'Other',
  } satisfies Record<GroupKind, string>,
  registration: { registered: 'Registered', filed: 'Filed' } satisfies Record<GroupRegistration, string>,
  groupStatus: { active: 'Active', dissolved: 'Dissolved' } satisfies Record<GroupStatus, string>,
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
      return (lang === 'en' ? EN[list]?.[code] : undefined) ?? zh ?? code;
    };
    return {
      name,
      options: (list, only) =>
        (NETWORK_LISTS[list] as readonly Item[]).filter((x) => !only || only.includes(x.code)).map((x) => ({ value: x.code, label: name(list, x.code) })),
      names: (list, codes) => codes.map((c) => name(list, c)).join(t('common.listSeparator')),
    };
  }, [lang, t]);
}
