/**
 * Response shapes of the agency API as the contract of issue #4 defines them. Declared here until
 * domain/network/agency.schema.ts exports the response schemas; then these become re-exports.
 */
import type { AgencyInputRaw, AgencyPatch, PairingInput } from '../../../../../domain/network/agency.schema.ts';
import type { StaffLinkInput } from '../../../../../domain/network/platform.schema.ts';

export type { AgencyInputRaw, AgencyPatch, PairingInput, StaffLinkInput };

export interface RegionPathItem {
  code: string;
  name: string;
}

export interface AgencyListItem {
  id: string;
  name: string;
  creditCode: string;
  creditCheckOverridden: boolean;
  regionCode: string;
  regionName: string | null;
  legalRep: string;
  tags: string[];
  rating: string | null;
  ratingYear: number | null;
  partyOrg: boolean;
  eligible: boolean;
  status: string;
  staffCount: number;
  certifiedCount: number;
  platformCount: number;
  updatedAt: string;
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

export interface AgencyDetail {
  id: string;
  name: string;
  creditCode: string;
  creditCheckOverridden: boolean;
  registrationAuthority: string;
  registeredOn: string | null;
  legalRep: string;
  regionCode: string;
  regionPath: RegionPathItem[];
  address: string;
  tags: string[];
  rating: string | null;
  ratingYear: number | null;
  partyOrg: boolean;
  partyOrgOn: string | null;
  contactPhone: string | null;
  status: string;
  eligible: boolean;
  ineligibleYear: number | null;
  ineligibleReason: string | null;
  staff: LinkedStaff[];
  staffCount: number;
  certifiedCount: number;
  platforms: OperatedPlatform[];
  pairings: AgencyPairing[];
  createdAt: string;
  updatedAt: string;
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
