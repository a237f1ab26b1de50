/**
 * Names of the network and organisation code lists (domain/network/code-lists.ts) in the current
 * language, for the agency, community-group and finder pages. Chinese names come from domain/;
 * English ones are kept here, typed against the domain codes so a new code cannot go untranslated.
 */
import { useMemo } from 'react';
import {
  AGENCY_RATINGS,
  AGENCY_STATUSES,
  AGENCY_TAGS,
  type AgencyStatus,
  type AgencyTag,
  GROUP_KINDS,
  GROUP_REGISTRATIONS,
  GROUP_STATUSES,
  type GroupKind,
  type GroupRegistration,
  type GroupStatus,
  PAIRING_PROGRAMS,
  type PairingProgram,
  PLATFORM_KIND_SHORT,
  PLATFORM_KINDS,
  PLATFORM_STATUSES,
  type PlatformKind,
  type PlatformStatus,
  STATION_SERVICES,
  type StationService,
} from '../../../../domain/network/code-lists.ts';
import { useI18n } from '../../i18n/index.ts';

type Item = { readonly code: string; readonly name: string };

export const ORG_LISTS = {
  agencyTag: AGENCY_TAGS,
  rating: AGENCY_RATINGS,
  agencyStatus: AGENCY_STATUSES,
  program: PAIRING_PROGRAMS,
  groupKind: GROUP_KINDS,
  registration: GROUP_REGISTRATIONS,
  groupStatus: GROUP_STATUSES,
  platformKind: PLATFORM_KINDS,
  platformKindShort: PLATFORM_KINDS.map((k) => ({ code: k.code, name: PLATFORM_KIND_SHORT[k.code] })),
  platformStatus: PLATFORM_STATUSES,
  service: STATION_SERVICES,
} satisfies Record<string, readonly Item[]>;
export type OrgListName = keyof typeof ORG_LISTS;

const EN: { [K in OrgListName]?: Record<string, string> } = {
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
  platformKind: {
    guidance_centre: 'Social work guidance centre',
    county_hub: 'County social work hub',
    station: 'Township social work station',
    room: 'Village social work room',
    training_base: 'Social work training base',
    practice_base: 'Social work practice base',
  } satisfies Record<PlatformKind, string>,
  platformKindShort: {
    guidance_centre: 'Guidance centre',
    county_hub: 'County hub',
    station: 'Station',
    room: 'Room',
    training_base: 'Training base',
    practice_base: 'Practice base',
  } satisfies Record<PlatformKind, string>,
  platformStatus: { planned: 'Planned', operating: 'Operating', suspended: 'Suspended', closed: 'Closed' } satisfies Record<PlatformStatus, string>,
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
    culture_health: 'Culture & health',
    environment: 'Environment',
  } satisfies Record<StationService, string>,
};

export interface OrgLabels {
  name: (list: OrgListName, code: string | null | undefined) => string;
  options: (list: OrgListName) => { value: string; label: string }[];
  names: (list: OrgListName, codes: readonly string[]) => string;
}

export function useOrgLabels(): OrgLabels {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const name = (list: OrgListName, code: string | null | undefined) => {
      if (code === null || code === undefined) return '';
      const zh = (ORG_LISTS[list] as readonly Item[]).find((x) => x.code === code)?.name;
      if (lang === 'en') return EN[list]?.[code] ?? zh ?? code;
      return zh ?? code;
    };
    return {
      name,
      options: (list) => (ORG_LISTS[list] as readonly Item[]).map((x) => ({ value: x.code, label: name(list, x.code) })),
      names: (list, codes) => codes.map((c) => name(list, c)).join(t('common.listSeparator')),
    };
  }, [lang, t]);
}
