import { v7 as uuidv7 } from 'uuid';
import { DEFAULT_CHECKLIST, evaluateChecklist } from '../../domain/network/checklist.ts';
import { CONSTRUCTION_SOURCES, FUNDING_SOURCES, GROUP_KINDS, STATION_SERVICES } from '../../domain/network/code-lists.ts';
import { geoCell } from '../../domain/network/geo.ts';
import { CREDIT_ALPHABET, creditCheckChar } from '../../domain/standards/credit-code.ts';
import type { AgenciesTable, CommunityGroupsTable, PlatformChecksTable, PlatformFundingTable, PlatformsTable } from '../db/schema.ts';
import type { RegionCentroids } from '../geo/region-centroids.ts';
import { between, pick, prng, type Rand, weighted } from './prng.ts';
import { AGENCY_WORDS as TALENT_AGENCY_WORDS } from './talent-generator.ts';

/**
 * Deterministic rows of the service network (阵地, agencies, community groups), shared by the demo
 * seed (Guizhou) and the bench (the whole country). The generator decides one unit at a time — a
 * platform with its checks and funding, an agency, a group — so callers can stream millions of rows
 * in batches. Figures come from a seed and the date, never typed in.
 */

export interface Place {
  code: string;
  name: string;
}

export interface GeneratedPlatform {
  row: PlatformsTable;
  checks: PlatformChecksTable[];
  funding: PlatformFundingTable[];
}

export interface NetworkGeneratorOptions {
  seed: number;
  /** YYYY-MM-DD: dates are spread over the years before it. */
  today: string;
  centroids: RegionCentroids;
}

type Kind = 'guidance_centre' | 'county_hub' | 'station' | 'room';

const SURNAMES = ['杨', '王', '李', '张', '刘', '陈', '吴', '罗', '龙', '黄', '赵', '周', '石', '潘', '田', '韦', '徐', '何', '胡', '熊'];
const GIVEN = [
  '丽',
  '敏',
  '静',
  '芳',
  '婷',
  '雪',
  '红',
  '琴',
  '勇',
  '军',
  '伟',
  '强',
  '磊',
  '涛',
  '明',
  '华',
  '欣怡',
  '思雨',
  '晓燕',
  '志强',
  '建国',
  '文杰',
  '海燕',
  '玉兰',
];
/** The talent generator's agency words (its employers) and more: the demo's agencies bear names like theirs. */
const AGENCY_WORDS = [...TALENT_AGENCY_WORDS, '馨家', '乐源', '筑梦', '携手', '向阳', '聚善', '合力', '悦邻', '康宁', '微光'];
const AGENCY_SUFFIXES = weighted([
  ['社会工作服务中心', 6],
  ['社会工作服务社', 3],
  ['社会工作发展中心', 1],
] as const);
const BRAND_WORDS = [
  '暖心驿站',
  '连心桥',
  '邻里守望',
  '幸福家园',
  '夕阳红',
  '童心港湾',
  '乡愁记忆',
  '红枫助老',
  '山花公益',
  '苗岭同心',
  '侗乡邻里',
  '黔灵帮帮',
];
const HOURS = ['周一至周五 9:00-17:00', '周一至周五 8:30-17:30', '周一至周六 9:00-17:00', '工作日 9:00-12:00, 14:00-17:30', '每日 9:00-18:00'];
const EQUIPMENT = [
  '办公电脑、打印机、档案柜、活动桌椅',
  '办公电脑、投影仪、心理沙盘、图书角',
  '档案柜、宣传展板、康复器材',
  '办公电脑、音响设备、儿童活动器材',
];
const GROUP_WORDS = [
  '邻里互助会',
  '志愿服务队',
  '文艺队',
  '老年协会',
  '调解室',
  '广场舞队',
  '读书会',
  '巾帼志愿队',
  '护河队',
  '关爱留守儿童小组',
  '健康促进会',
  '环保志愿队',
];
const GROUP_KIND_OF: Record<string, string> = {
  邻里互助会: 'service',
  志愿服务队: 'volunteer',
  文艺队: 'culture',
  老年协会: 'elderly',
  调解室: 'mediation',
  广场舞队: 'culture',
  读书会: 'culture',
  巾帼志愿队: 'volunteer',
  护河队: 'volunteer',
  关爱留守儿童小组: 'charity',
  健康促进会: 'service',
  环保志愿队: 'volunteer',
};
const SOURCES = weighted(CONSTRUCTION_SOURCES.map((s) => [s.code, s.code === 'other' ? 0.4 : 1] as const));

/** Short names drop the administrative suffix: "花果园街道" → "花果园". */
const shortName = (name: string) => name.replace(/(街道办事处|街道|镇|乡|社区居民委员会|居民委员会|村民委员会|社区|村|委员会)$/, '') || name;
/** A public landline: Guizhou's unified area code 0851, elsewhere a plausible three-digit one. */
const areaCode = (code: string) => (code.startsWith('52') ? '0851' : `0${code.slice(0, 2)}${code[3] ?? '1'}`);

export class NetworkGenerator {
  readonly rand: Rand;
  private readonly today: string;
  private readonly thisYear: number;
  private readonly centroids: RegionCentroids;
  private readonly usedCodes = new Set<string>();
  private readonly usedNames = new Set<string>();

  constructor(opts: NetworkGeneratorOptions) {
    this.rand = prng(opts.seed);
    this.today = opts.today;
    this.thisYear = Number(opts.today.slice(0, 4));
    this.centroids = opts.centroids;
  }

  private date(fromYear: number): string {
    const y = between(this.rand, fromYear, this.thisYear);
    const d = `${y}-${String(between(this.rand, 1, 12)).padStart(2, '0')}-${String(between(this.rand, 1, 28)).padStart(2, '0')}`;
    return d > this.today ? this.today : d;
  }

  person(): string {
    return pick(this.rand, SURNAMES) + pick(this.rand, GIVEN);
  }

  phone(code: string): string {
    return `${areaCode(code)}${between(this.rand, 2, 8)}${String(between(this.rand, 0, 9_999_999)).padStart(7, '0')}`;
  }

  /**
   * A civil-affairs registered agency (authority 5, kind 2) in a county: "贵阳市南明区同心社会工作服务中心",
   * with a valid credit code — or, when `wrongCheck`, one whose check character is off and which an
   * administrator accepted (credit_check_overridden).
   */
  agency(county: Place, cityName: string, at: string, wrongCheck = false): AgenciesTable {
    let name = '';
    for (let i = 0; !name || this.usedNames.has(name); i++) {
      name = `${cityName === county.name ? '' : cityName}${county.name}${pick(this.rand, AGENCY_WORDS)}${i > 5 ? i : ''}${AGENCY_SUFFIXES.pick(this.rand)}`;
    }
    this.usedNames.add(name);
    let code = '';
    while (!code || this.usedCodes.has(code)) {
      let body = `52${county.code.slice(0, 6)}MJ`;
      for (let i = 0; i < 7; i++) body += CREDIT_ALPHABET[between(this.rand, 0, 30)];
      const check = creditCheckChar(body);
      code = body + (wrongCheck ? CREDIT_ALPHABET[(CREDIT_ALPHABET.indexOf(check) + between(this.rand, 1, 30)) % 31] : check);
    }
    this.usedCodes.add(code);
    const rated = this.rand() < 0.45;
    const ineligible = this.rand() < 0.04;
    return {
      id: uuidv7(),
      name,
      credit_code: code,
      credit_check_overridden: wrongCheck ? 1 : 0,
      registration_authority: `${county.name}民政局`,
      registered_on: this.date(2012),
      legal_rep: this.person(),
      region_code: county.code,
      address: `${county.name}${pick(this.rand, ['人民路', '中山路', '新华路', '民生路', '和平路'])}${between(this.rand, 1, 300)}号`,
      tags: this.rand() < 0.15 ? 1 << between(this.rand, 0, 2) : 0,
      rating: rated ? pick(this.rand, ['2A', '3A', '3A', '4A', '4A', '5A']) : null,
      rating_year: rated ? between(this.rand, this.thisYear - 4, this.thisYear - 1) : null,
      party_org: this.rand() < 0.6 ? 1 : 0,
      party_org_on: null,
      contact_phone: this.phone(county.code),
      eligible: ineligible ? 0 : 1,
      ineligible_year: ineligible ? this.thisYear : null,
      ineligible_reason: ineligible ? '上年度项目评估结果为不合格' : null,
      status: 'active',
      created_at: at,
      updated_at: at,
    };
  }

  /**
   * A platform of a coverage kind in a unit. `standardShare` is the chance its checklist is complete;
   * `agencyId` makes it agency-run. Rooms carry no checklist or funding (kept light for the bench).
   */
  platform(
    kind: Kind,
    place: Place,
    at: string,
    opts: { agencyId: string | null; status: string; standardShare: number; withDetails: boolean },
  ): GeneratedPlatform {
    const r = this.rand;
    const point = this.centroids.of(place.code);
    const id = uuidv7();
    const name =
      kind === 'guidance_centre'
        ? `${place.name}社会工作指导中心`
        : kind === 'county_hub'
          ? `${place.name}社会工作服务总站`
          : kind === 'station'
            ? `${place.name}社会工作服务站`
            : `${shortName(place.name)}社会工作室`;
    const checks: PlatformChecksTable[] = [];
    const funding: PlatformFundingTable[] = [];
    let met = 0;
    let standard = false;
    if (opts.withDetails) {
      const all = r() < opts.standardShare;
      const metCount = all ? DEFAULT_CHECKLIST.length : between(r, 1, DEFAULT_CHECKLIST.length - 1);
      // Site and equipment come first in practice; staff, projects and rules follow.
      const states = DEFAULT_CHECKLIST.map((item, i) => ({ itemKey: item.key, met: i < metCount }));
      const outcome = evaluateChecklist(DEFAULT_CHECKLIST, states);
      met = outcome.met;
      standard = outcome.standard;
      for (const s of states) {
        checks.push({
          platform_id: id,
          item_key: s.itemKey,
          met: s.met ? 1 : 0,
          evidence: s.met ? '已现场核查' : '',
          checked_on: s.met ? this.date(this.thisYear - 1) : null,
        });
      }
      for (let i = between(r, 1, 3); i > 0; i--) {
        funding.push({
          id: uuidv7(),
          platform_id: id,
          year: between(r, this.thisYear - 3, this.thisYear),
          source: pick(r, FUNDING_SOURCES).code,
          amount_fen: between(r, 20, 300) * 1_000_00,
          note: '',
        });
      }
    }
    // Demonstrations are among the standard stations: a few provincial, more city-level, each with a brand.
    const demo = standard && kind === 'station' && opts.status === 'operating' ? (r() < 0.06 ? 'provincial' : r() < 0.12 ? 'city' : null) : null;
    const demoYear = demo ? between(r, this.thisYear - 3, this.thisYear - 1) : null;
    const services = kind === 'room' ? between(r, 2, 5) : between(r, 4, 9);
    let mask = 0;
    while (countBits(mask) < services) mask |= 1 << between(r, 0, STATION_SERVICES.length - 1);
    const row: PlatformsTable = {
      id,
      kind,
      name,
      region_code: place.code,
      address:
        kind === 'room'
          ? `${place.name}${Number(place.code.slice(9)) < 200 ? '居委会' : '村委会'}办公楼${between(r, 1, 2)}楼`
          : `${place.name}${pick(r, ['便民服务中心', '综合服务楼', '新时代文明实践站', '党群服务中心'])}${between(r, 1, 3)}楼`,
      lng: point?.lng ?? null,
      lat: point?.lat ?? null,
      geo_cell: point ? geoCell(point.lng, point.lat) : null,
      opened_on: opts.status === 'planned' ? null : this.date(2020),
      operating_mode: opts.agencyId ? 'agency' : 'self',
      agency_id: opts.agencyId,
      floor_area: kind === 'room' ? between(r, 20, 80) : between(r, 60, 400),
      rooms_individual: kind === 'room' ? 0 : between(r, 1, 2),
      rooms_group: kind === 'room' ? 0 : between(r, 0, 2),
      rooms_activity: between(r, 1, 3),
      equipment: opts.withDetails ? pick(r, EQUIPMENT) : '',
      construction_source: SOURCES.pick(r),
      services: mask,
      opening_hours: pick(r, HOURS),
      contact_name: this.person(),
      contact_phone: this.phone(place.code),
      is_public: r() < 0.97 ? 1 : 0,
      status: opts.status,
      checks_met: met,
      standard_met: standard ? 1 : 0,
      demo_level: demo,
      demo_year: demoYear,
      honours: demo ? JSON.stringify([{ level: demo, title: demo === 'provincial' ? '省级示范社工站' : '市级示范社工站', year: demoYear }]) : '[]',
      brand: demo || (standard && r() < 0.1) ? `“${pick(r, BRAND_WORDS)}”${shortName(place.name)}服务品牌` : '',
      note: '',
      created_at: at,
      updated_at: at,
    };
    return { row, checks, funding };
  }

  /** A community group in a village/community, incubated by its township's station when there is one. */
  group(place: Place, incubatorId: string | null, at: string): CommunityGroupsTable {
    const word = pick(this.rand, GROUP_WORDS);
    const kind = GROUP_KIND_OF[word] ?? 'other';
    return {
      id: uuidv7(),
      name: `${shortName(place.name)}${word}`,
      region_code: place.code,
      kind: GROUP_KINDS.some((k) => k.code === kind) ? kind : 'other',
      members: between(this.rand, 8, 120),
      registration: this.rand() < 0.8 ? 'filed' : 'registered',
      incubator_id: incubatorId,
      established_on: this.date(2016),
      contact_name: this.person(),
      contact_phone: `1${pick(this.rand, ['39', '58', '87', '88', '35', '36'])}${String(between(this.rand, 0, 99_999_999)).padStart(8, '0')}`,
      status: this.rand() < 0.95 ? 'active' : 'dissolved',
      note: '',
      created_at: at,
      updated_at: at,
    };
  }

  /** Operating mostly; some planned (筹建中) and a few suspended, so coverage is not 100%. */
  status(): string {
    const x = this.rand();
    return x < 0.92 ? 'operating' : x < 0.97 ? 'planned' : 'suspended';
  }
}

function countBits(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}
