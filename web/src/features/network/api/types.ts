/**
 * Response shapes of the network API as the contract of issue #4 states them. The request bodies
 * come from domain/network (the server validates with the same schemas); these mirror the answers
 * until the platforms module publishes its response schemas.
 */
import type { ChecklistItem } from '../../../../../domain/network/checklist.ts';
import type { FundingInput, PlatformHonourInput, PlatformInput } from '../../../../../domain/network/platform.schema.ts';
import type { CoverageKind } from '../../../../../domain/network/platform-kind.ts';

export type { ChecklistItem } from '../../../../../domain/network/checklist.ts';
export type { CheckInput, PlatformInput, PlatformInputRaw, PlatformPatch, StaffLinkInput } from '../../../../../domain/network/platform.schema.ts';

export interface PlatformListItem {
  id: string;
  kind: string;
  name: string;
  regionCode: string;
  /** Path under the province: 贵阳市 / 南明区 / 花果园街道. */
  regionName: string;
  address: string;
  status: string;
  operatingMode: string;
  agencyId: string | null;
  agencyName: string | null;
  checksMet: number;
  checksTotal: number;
  standard: boolean;
  demoLevel: string | null;
  demoYear: number | null;
  brand: string;
  staffFullTime: number;
  staffPartTime: number;
  staffCertified: number;
  openedOn: string | null;
  updatedAt: string;
}

export interface PlatformCheck {
  itemKey: string;
  name: string;
  description: string;
  met: boolean;
  evidence: string;
  checkedOn: string | null;
}

export interface PlatformStaff {
  talentId: string;
  name: string;
  tier: string;
  post: string;
  fullTime: boolean;
  since: string | null;
}

export interface PlatformPhoto {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  caption: string;
  createdAt: string;
}

export type PlatformDetail = Omit<PlatformInput, 'funding' | 'honours'> & {
  id: string;
  funding: (FundingInput & { note: string })[];
  honours: PlatformHonourInput[];
  regionPath: { code: string; name: string }[];
  agencyName: string | null;
  checks: PlatformCheck[];
  checksMet: number;
  checksTotal: number;
  standard: boolean;
  lacking: { key: string; name: string }[];
  staff: PlatformStaff[];
  staffFullTime: number;
  staffPartTime: number;
  staffCertified: number;
  photos: PlatformPhoto[];
  createdAt: string;
  updatedAt: string;
};

export interface ChecklistStandard {
  provinceCode: string;
  items: ChecklistItem[];
  custom: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Only in the answer to PUT: platforms re-decided. */
  recomputed?: number;
}

export interface KindCoverage {
  total: number;
  covered: number;
  /** covered / total, 0..1; null when there is nothing to cover. */
  rate: number | null;
}

export type CoverageKinds = Partial<Record<CoverageKind, KindCoverage>>;

export interface CoverageChild {
  code: string;
  name: string;
  level: number;
  kinds: CoverageKinds;
  stations: number;
  standardStations: number;
  demoStations: number;
  residentWorkers: number;
  certifiedWorkers: number;
}

export interface Coverage {
  region: { code: string; name: string; level: number };
  kinds: CoverageKinds;
  platforms: Record<string, { planned: number; operating: number; suspended: number; closed: number }>;
  standard: Record<string, number>;
  demo: Record<string, number>;
  stationsBySource: { source: string | null; n: number }[];
  staff: { stations: number; residentWorkers: number; certifiedWorkers: number };
  children: CoverageChild[];
}

export interface UncoveredRegion {
  code: string;
  name: string;
  path: string;
}
