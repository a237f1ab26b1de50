/**
 * Shapes of the agency API: the list item and detail come from domain/network/agency.schema.ts (the
 * server's response schemas); the nested rows and the page's query are declared here.
 */
import type { AgencyDetail, AgencyInputRaw, AgencyListItem, AgencyPatch, OwnStaffAdd, PairingInput } from '../../../../../domain/network/agency.schema.ts';
import type { StaffLinkInput } from '../../../../../domain/network/platform.schema.ts';

export type { AgencyDetail, AgencyInputRaw, AgencyListItem, AgencyPatch, OwnStaffAdd, PairingInput, StaffLinkInput };

export interface RegionPathItem {
  code: string;
  name: string;
}

export interface LinkedStaff {
  talentId: string;
  name: string;
  tier: string | null;
  post: string;
  fullTime: boolean;
  since: string | null;
}

export interface OperatedPlatform {
  id: string;
  name: string;
  kind: string;
  regionName: string | null;
  status: string;
}

export interface AgencyPairing {
  id: string;
  role: 'mentor' | 'mentee';
  otherId: string;
  otherName: string;
  program: string;
  startOn: string;
  endOn: string | null;
  results: string;
}

/** The list filters, as the page keeps them in the address. */
export interface AgencyFilters {
  regionCode?: string;
  q?: string;
  tag?: string;
  rating?: string;
  eligible?: boolean;
  status?: string;
}

export type AgencySort = 'name' | 'region_code' | 'rating' | 'updated_at';

export interface AgencyQuery extends AgencyFilters {
  page: number;
  pageSize: number;
  sort?: AgencySort;
  order?: 'asc' | 'desc';
}

/** What an agency administrator may change on 本机构 (PATCH /my-agency). */
export type MyAgencyPatch = Partial<Pick<AgencyInputRaw, 'contactPhone' | 'address' | 'legalRep' | 'partyOrg' | 'partyOrgOn' | 'tags'>>;
