/**
 * The engine's data types: pools in, draw record out.
 *
 * Why plain interfaces of strings, numbers, arrays and objects: the draw record is published as JSON
 * and re-read by the verify command, so everything here must survive `JSON.stringify`/`JSON.parse`
 * unchanged (no `undefined`, no Map, no Date, no class instances).
 */

/** Credit risk class of a subject in one department: A (low) … D (high). */
export type RiskClass = "A" | "B" | "C" | "D";

/** A draw stratum: the risk class, or FLAGGED for subjects carrying any §6 flag (see strata.ts). */
export type Stratum = RiskClass | "FLAGGED";

/** The §6 flags that call for a higher ratio. */
export interface RiskFlags {
  /** 经营异常名录 */
  abnormal?: boolean;
  /** 失信 */
  dishonest?: boolean;
  /** 严重违法失信 */
  seriousViolation?: boolean;
  /** 重点领域 (环境保护/食品药品/安全生产…) */
  keySector?: boolean;
}

/** A subject's risk as seen by one supervising department. */
export interface DepartmentRisk {
  department: string;
  riskClass: RiskClass;
  flags?: RiskFlags;
}

/** One entry of the frozen candidate pool. */
export interface CandidateEntry {
  /** Subject id (normally the 18-character USCC). */
  subjectId: string;
  stratum: Stratum;
  /** Refs of the matters that apply, `department:matterId`, e.g. `market:12`. */
  matters: string[];
  /** Codes of the departments that supervise the subject. */
  departments: string[];
}

/** Directory status of an inspector or expert; only ACTIVE people may be drawn. */
export type PersonStatus = "ACTIVE" | "SUSPENDED" | "TRANSFERRED";

/** One entry of the frozen inspector pool (the expert pool uses the same shape). */
export interface InspectorEntry {
  /** Id, e.g. `market:7`. */
  id: string;
  /** Department code (for experts: the organisation or simply `expert`). */
  department: string;
  /** Enforcement categories / qualifications (执法类别; for experts: expertise tags). */
  categories: string[];
  /** Administrative division code of the person's posting, e.g. `512002`. */
  region: string;
  status: PersonStatus;
  /** Subject ids the person has declared a conflict with (回避). */
  conflicts: string[];
  /** The subject of the person's last visit, if any ("not the same subject twice in a row"). */
  lastVisitedSubject?: string | null;
  /** Level of the person's unit (e.g. `county`, `city`); frozen with the pool, informational. */
  level?: string | null;
}

/** Experts (专家) are recorded exactly like inspectors. */
export type ExpertEntry = InspectorEntry;

/** The three frozen pools of a draw. */
export interface Pools {
  candidates: CandidateEntry[];
  inspectors: InspectorEntry[];
  experts: ExpertEntry[];
}

/** What a matter asks of the team that checks it. */
export interface MatterRule {
  /** The department whose matter it is (its inspectors must cover the categories). */
  department: string;
  /** Enforcement categories / qualifications that at least one assigned inspector of `department` must hold, each. */
  categories: string[];
  /** null: no expert needed; [] an expert (any) is needed; [..] each tag held by at least one assigned expert. */
  expertCategories: string[] | null;
}

/** Region rule (跨区域): who may be sent. */
export interface RegionRule {
  /** A person is eligible if one of these is a prefix of the person's region ("" admits every region). */
  eligibleRegions: string[];
  /** People of these departments are eligible from any region (upper level borrowing from lower levels). */
  borrowFromDepartments: string[];
}

/** Plan rules as given by the caller; omitted fields take the documented defaults. */
export interface PlanRulesInput {
  /** Ratio in [0, 1] per stratum. Every non-empty stratum needs one; 0 must be explicit. */
  ratios: Partial<Record<Stratum, number>>;
  /** Cap on the total number of visits; null/omitted = no cap. */
  cap?: number | null;
  /** Minimum inspectors per visit (experts never count); default 2. */
  minInspectors?: number;
  /** Maximum visits per inspector in this draw; null/omitted = unlimited. */
  workloadCap?: number | null;
  /** Maximum visits per expert in this draw; null/omitted = unlimited. */
  expertWorkloadCap?: number | null;
  /** Default: every region admitted, no borrowing list. */
  region?: Partial<RegionRule>;
  /** Rules per matter ref; a ref without an entry belongs to the department before its ":" and asks nothing more. */
  matters?: Record<string, Partial<MatterRule> & { department?: string }>;
}

/** Plan rules after normalisation (all fields present, lists sorted); this is what the record stores. */
export interface PlanRules {
  ratios: Partial<Record<Stratum, number>>;
  cap: number | null;
  minInspectors: number;
  workloadCap: number | null;
  expertWorkloadCap: number | null;
  region: RegionRule;
  matters: Record<string, MatterRule>;
}

/** Input of {@link runDraw}. */
export interface DrawInput {
  pools: Pools;
  rules: PlanRulesInput;
  /** Values entered at the public draw (lottery number, dice, revealed commitments), in order. */
  ceremonyValues: string[];
}

/** Counts of one stratum. */
export interface StratumCount {
  stratum: Stratum;
  poolSize: number;
  /** The plan's ratio; null only for an empty stratum the plan does not mention. */
  ratio: number | null;
  /** ⌈poolSize · ratio⌉ before the cap. */
  ratioTarget: number;
  /** After the cap (see strata.ts). */
  target: number;
  drawn: number;
}

/** One selected subject. */
export interface SelectedEntry {
  id: string;
  stratum: Stratum;
  /** Full ticket string (64–78 digits after "0."), as the Python package computes it. */
  ticket: string;
  /** 1-based position of the subject within its stratum, by ticket. */
  rank: number;
}

/** The team sent to one selected subject. */
export interface VisitAssignment {
  subjectId: string;
  /** Inspector ids per department code; keys and ids in code point order. */
  inspectors: Record<string, string[]>;
  /** Expert ids, code point order. */
  experts: string[];
}

/** Summary of one frozen pool. */
export interface PoolSummary {
  /** Format tag of the canonical text (see FORMAT.md). */
  format: string;
  count: number;
  /** SHA-256 hex of the canonical text. */
  digest: string;
}

/** The public draw record. */
export interface DrawRecord {
  format: "ssj-draw-record/1";
  algorithm: {
    name: string;
    version: string;
    sampler: string;
    ticket: string;
    seed: string;
    strata: string;
    counts: string;
    assignment: string;
  };
  pools: { candidates: PoolSummary; inspectors: PoolSummary; experts: PoolSummary };
  rules: PlanRules;
  /** SHA-256 of the canonical JSON of `rules`, to compare with the published plan. */
  rulesDigest: string;
  seed: {
    value: string;
    inputs: { candidatePoolDigest: string; inspectorPoolDigest: string; expertPoolDigest: string; ceremonyValues: string[] };
  };
  strata: StratumCount[];
  /** In ticket order (all strata merged). */
  selected: SelectedEntry[];
  /** One per selected subject, in the same order. */
  assignment: VisitAssignment[];
}

/** Result of {@link verifyRecord}. */
export type VerifyResult = { ok: true } | { ok: false; firstDifference: string };

/** What a visit needs: the subject and its matters (and, for matter-less visits, its departments). */
export type VisitSpec = Pick<CandidateEntry, "subjectId" | "matters" | "departments">;

/** Names of the hard rules, as used in errors and in checkAssignment's violations. */
export type AssignmentRule =
  | "MIN_INSPECTORS"
  | "DEPARTMENT_PRESENCE"
  | "CATEGORY_COVERAGE"
  | "EXPERT_COVERAGE"
  | "NOT_ACTIVE"
  | "REGION"
  | "CONFLICT"
  | "SAME_SUBJECT_TWICE"
  | "WORKLOAD_CAP"
  | "DEPARTMENT_MISMATCH"
  | "UNKNOWN_PERSON"
  | "DUPLICATE_PERSON"
  | "MISSING_VISIT"
  | "UNEXPECTED_VISIT";
