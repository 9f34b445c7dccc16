/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 回避期互认范围 / whose inspections count for a plan's cooldown */
export type CooldownScope =
  /** 任一部门 / any department */
  | 'ALL_DEPARTMENTS'
  /** 参与计划的部门及其上下级部门 / the plan's departments and their upper/lower-level units */
  | 'PARTICIPANTS';

/** CSV 文件编码（AUTO 自动识别 UTF-8/GBK）/ file encoding */
export type CsvEncoding =
  | 'AUTO'
  | 'GBK'
  | 'UTF8';

/** 部门类型：市场监管（随机抽查占比目标 70%）或其他部门（50%）/ kind, which sets the target share */
export type DepartmentKind =
  | 'MARKET_SUPERVISION'
  | 'OTHER';

/** 摇号记录何时全文公开 / when a draw's full record is published */
export type Disclosure =
  /** 公开摇号时只公布摘要、种子、数量和全文的 SHA-256；实施期结束或全部检查完毕后公开全文 / digests, seed, counts and the record's SHA-256 first; the full record when the window ends or every visit is inspected */
  | 'AFTER_WINDOW'
  /** 公开摇号时即公开全文 / with the draw */
  | 'IMMEDIATE';

/** 摇号进度事件：创建、冻结、定种、抽取、公开、被取代、撤销 / a step of a draw */
export type DrawChangeKind =
  | 'CANCELLED'
  | 'CREATED'
  | 'DRAWN'
  | 'FROZEN'
  | 'PUBLISHED'
  | 'SEEDED'
  | 'SUPERSEDED';

/** 摇号进度 / draw state */
export type DrawStatus =
  /** 已撤销（仅限录入现场随机值之前，附理由，仍公开）/ cancelled before the ceremony value, with its reason; stays visible */
  | 'CANCELLED'
  /** 已创建 / created */
  | 'CREATED'
  /** 已抽取并分配人员 / drawn and assigned */
  | 'DRAWN'
  /** 名录已冻结，摘要已公布 / pools frozen, digests published */
  | 'FROZEN'
  /** 已公开 / published */
  | 'PUBLISHED'
  /** 已录入现场随机值，种子已确定 / ceremony value entered, seed fixed */
  | 'SEEDED';

/** 某事项的检查结果 / the finding for one matter */
export type FindingInput = {
  /** 事项所属部门 / the matter's department */
  department: string;
  /** 情况描述 / what was found */
  description: string;
  /** 事项版本标识（Matter.id）/ the matter's id */
  matterId: string | number;
  /** 结果分类 / result category */
  result: InspectionResult;
  visitId: string | number;
};

/** 导入方式 / import mode */
export type ImportMode =
  /** 有任一错误行则全部不导入 / nothing is imported if any row is bad */
  | 'ALL_OR_NOTHING'
  /** 导入正确的行，列出错误行 / import the good rows, list the bad ones */
  | 'GOOD_ROWS';

/** CSV 导入参数 / CSV import options */
export type ImportOptions = {
  encoding?: CsvEncoding;
  mode?: ImportMode;
};

/** 抽查结果分类 / national random-inspection result category */
export type InspectionResult =
  /** 06 未发现开展本次抽查涉及的经营活动 */
  | 'ACTIVITY_NOT_FOUND'
  /** 09 已关闭停业或正在组织清算 */
  | 'CLOSED_OR_LIQUIDATING'
  /** 07 发现问题已责令改正 */
  | 'CORRECTED_ON_ORDER'
  /** 10 已注销 */
  | 'DEREGISTERED'
  /** 03 公示信息隐瞒真实情况弄虚作假 */
  | 'DISCLOSURE_FALSIFIED'
  /** 02 未按规定公示应当公示的信息 */
  | 'INFORMATION_NOT_DISCLOSED'
  /** 01 未发现问题 */
  | 'NO_PROBLEM'
  /** 99 其他 */
  | 'OTHER'
  /** 08 发现问题待后续处理 */
  | 'PENDING_FOLLOW_UP'
  /** 05 不配合检查情节严重 */
  | 'REFUSED_SERIOUS'
  /** 04 通过登记的住所（经营场所）无法联系 */
  | 'UNREACHABLE';

/** 检查人员状态 / inspector status */
export type InspectorStatus =
  /** 在岗，可被抽取 / active, may be drawn */
  | 'ACTIVE'
  /** 暂停执法 / suspended */
  | 'SUSPENDED'
  /** 已调离 / transferred out */
  | 'TRANSFERRED';

/** 重点领域 / key sector */
export type KeySector =
  /** 环境保护 / environmental protection */
  | 'ENVIRONMENT'
  /** 食品药品 / food and drugs */
  | 'FOOD_DRUG'
  /** 安全生产 / work safety */
  | 'SAFETY';

/** 事项类别：重点 KEY / 一般 GENERAL（一般事项的抽查比例有上限） */
export type MatterClass =
  | 'GENERAL'
  | 'KEY';

/** 事项状态 / matter status */
export type MatterStatus =
  /** 草稿 / not yet published */
  | 'DRAFT'
  /** 已公布 / published, may be drawn */
  | 'PUBLISHED'
  /** 已被新版本取代 / replaced by a newer version (still readable) */
  | 'SUPERSEDED'
  /** 已撤回 / withdrawn */
  | 'WITHDRAWN';

/** 新建抽查计划 / a new plan */
export type PlanInput = {
  /** 允许借调下级部门人员 / allow borrowing */
  allowBorrowing?: boolean;
  /** 检查户次上限：只是上限，候选不足时按比例抽取 / a ceiling on visits; a smaller pool simply draws by the ratios */
  cap?: number | null | undefined;
  /** 近期已查主体回避期（天）/ cooldown in days */
  cooldownDays?: number | null | undefined;
  /** 回避期互认谁的检查结果（默认参与部门及其上下级）/ whose inspections count for the cooldown */
  cooldownScope?: CooldownScope;
  /** 配合部门（联合抽查）/ cooperating departments */
  cooperatingDepartments?: Array<string>;
  /** 摇号记录公开方式（AFTER_WINDOW：实施期结束或全部检查完毕后公开全文）/ when the full draw record is published */
  disclosure?: Disclosure;
  /** 可参与的执法人员所在区划（代码前缀，如 512021）；缺省为各参与部门的辖区 / where assigned inspectors must be posted (region prefixes); default: the departments' own regions */
  eligibleRegions?: Array<string> | null | undefined;
  /** 发起部门（部门计划即本部门）/ lead department */
  leadDepartment: string;
  /** 抽查事项 / matters */
  matters: Array<PlanMatterInput>;
  /** 每户最少执法人员数（≥2）/ minimum inspectors per visit */
  minInspectors?: number;
  /** 计划名称 / name */
  name: string;
  /** 各层比例；缺省的层取计划事项默认比例的最大值 / ratios; an omitted stratum takes the highest default ratio of the plan's matters */
  ratios?: StratumRatiosInput | null | undefined;
  /** 抽查范围 / scope */
  scope?: PlanScopeInput | null | undefined;
  /** 全系统计划：对象库含下级单位名录主体，人员可借调下级 / whole-system plan over the lower-level units' directories */
  wholeSystem?: boolean;
  /** 实施期结束 YYYY-MM-DD / window end */
  windowEnd: string;
  /** 实施期开始 YYYY-MM-DD / window start */
  windowStart: string;
  /** 每名人员最多检查户数 / workload cap */
  workloadCap?: number | null | undefined;
};

/** 计划类型：部门计划 DEPARTMENT / 联合抽查计划 JOINT（发起部门 + 配合部门）/ plan kind */
export type PlanKind =
  | 'DEPARTMENT'
  | 'JOINT';

/** 计划中的一项事项（按版本）/ a matter of the plan, by version */
export type PlanMatterInput = {
  /** 部门编码 / department */
  department: string;
  /** 事项版本标识（Matter.id）/ the matter version's id */
  matterId: string | number;
};

/** 抽查范围 / scope */
export type PlanScopeInput = {
  /** 行业类别（空为全部）/ business categories */
  categories?: Array<string>;
  /** 行政区划代码（前缀匹配；空为全部）/ regions */
  regions?: Array<string>;
  /** 监管类型（空为全部）/ supervision types */
  supervisionTypes?: Array<string>;
};

/** 修改报告草稿（未给出的项不变）/ edits to a draft report; omitted items stay */
export type ReportEditInput = {
  /** 检查内容 / content */
  content?: string | null | undefined;
  /** 评价 / evaluation */
  evaluation?: string | null | undefined;
  /** 检查结果 / findings */
  findings?: string | null | undefined;
  /** 处理意见和建议 / handling */
  handling?: string | null | undefined;
  /** 检查时间 / inspection time */
  inspectionTime?: string | null | undefined;
  /** 检查步骤 / steps */
  steps?: string | null | undefined;
};

/** 报告状态：草稿、已提交、已审定、已公示 / a report's state */
export type ReportStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'REPORTED'
  | 'REVIEWED';

/** 信用风险分类 / credit risk class */
export type RiskClass =
  /** A 类（低风险）/ low */
  | 'A'
  /** B 类（一般风险）/ moderate */
  | 'B'
  /** C 类（较高风险）/ elevated */
  | 'C'
  /** D 类（高风险）/ high */
  | 'D';

/** 开始检查 / starting a visit */
export type StartVisitInput = {
  /** 已出示执法证件 / certificates shown */
  certificatesShown: boolean;
  /** 送达的检查通知书编号 / number of the inspection notice served */
  noticeNumber: string;
  /** 实际在场的执法人员（部门:编号，如 market:7）/ inspectors present, department:id */
  present: Array<string>;
  /** 检查编号 / visit id */
  visitId: string | number;
};

/** 各抽样层的抽查比例 [0, 1] / ratio per stratum */
export type StratumRatiosInput = {
  /** A 类 / class A（缺省取计划事项的默认比例）/ default: the matters' default ratio */
  A?: number | null | undefined;
  /** B 类 / class B（缺省取计划事项的默认比例）/ default: the matters' default ratio */
  B?: number | null | undefined;
  /** C 类 / class C（缺省取计划事项的默认比例）/ default: the matters' default ratio */
  C?: number | null | undefined;
  /** D 类 / class D（缺省取计划事项的默认比例）/ default: the matters' default ratio */
  D?: number | null | undefined;
  /** FLAGGED（经营异常、失信、严重违法失信、重点领域）：不得低于其他任何一层；缺省取其余各层的最高比例，并在计划的 ratios 中标明 defaulted / never below another stratum; when omitted, the highest of the others (shown as defaulted) */
  FLAGGED?: number | null | undefined;
  /** 比例为 0（免抽）的层须写明理由，随记录公开 / a written reason for each stratum with ratio 0, published */
  zeroReasons?: Array<ZeroRatioReasonInput>;
};

/** 名录筛选条件 / directory filter */
export type SubjectFilter = {
  /** 经营异常名录 / abnormal list */
  abnormalList?: boolean | null | undefined;
  /** 行业类别 / business category */
  category?: string | null | undefined;
  /** 失信 / dishonest */
  dishonest?: boolean | null | undefined;
  /** 是否包含已移出名录的记录（默认否）/ include removed records */
  includeRemoved?: boolean | null | undefined;
  /** 重点领域 / key sector */
  keySector?: KeySector | null | undefined;
  /** 名称包含的文字（% 和 _ 按字面匹配）/ part of the name; % and _ match themselves */
  name?: string | null | undefined;
  /** 行政区划代码前缀 / region code prefix */
  region?: string | null | undefined;
  /** 风险分类（任一）/ any of these risk classes */
  riskClasses?: Array<RiskClass> | null | undefined;
  /** 严重违法失信 / serious violation */
  seriousViolation?: boolean | null | undefined;
  /** 监管类型 / supervision type */
  supervisionType?: string | null | undefined;
};

/** 检查事件：摇号生成、随摇号公开、开始检查、录入结果、上传证据、检查结束、无法联系、不配合、申请取消、取消、报告修改/提交/退回/审定/公示、反馈、处置决定、整改复查 / a visit event */
export type VisitChangeKind =
  | 'CANCELLATION_REQUESTED'
  | 'CANCELLED'
  | 'CREATED'
  | 'EVIDENCE_ADDED'
  | 'FEEDBACK_RECORDED'
  | 'FINDING_RECORDED'
  | 'HANDLING_RECORDED'
  | 'INSPECTED'
  | 'PUBLISHED'
  | 'RECTIFICATION_FOLLOWED_UP'
  | 'REFUSED'
  | 'REPORT_PUBLISHED'
  | 'REPORT_RETURNED'
  | 'REPORT_REVIEWED'
  | 'REPORT_SUBMITTED'
  | 'REPORT_UPDATED'
  | 'STARTED'
  | 'UNREACHABLE';

/** 检查状态：待检查、检查中、已检查、报告已提交、已审定、已公示、无法联系、不配合检查、已取消 / visit status */
export type VisitStatus =
  | 'CANCELLED'
  | 'INSPECTED'
  | 'IN_PROGRESS'
  | 'PUBLISHED'
  | 'REFUSED'
  | 'REPORTED'
  | 'REVIEWED'
  | 'SCHEDULED'
  | 'UNREACHABLE';

/** 某层免抽的理由 / why a stratum is not sampled */
export type ZeroRatioReasonInput = {
  /** 理由 / reason */
  reason: string;
  /** 抽样层 FLAGGED/D/C/B/A / stratum */
  stratum: string;
};

export type ConsoleImportMutationVariables = Exact<{
  department: string;
  csvBase64: string;
  options?: ImportOptions | null | undefined;
}>;


export type ConsoleImportMutation = { importSubjectsCsv: { committed: boolean, created: number, updated: number, rejected: number, rows: number, encoding: string, mode: ImportMode, errors: Array<{ line: number, uscc: string | null, code: string, reason: string }> } };

export type ConsoleInspectorsQueryVariables = Exact<{
  department: string;
}>;


export type ConsoleInspectorsQuery = { department: { code: string, inspectors: { totalCount: number, nodes: Array<{ id: string, name: string, certificateNo: string, categories: Array<string>, region: string, status: InspectorStatus, statusHistory: Array<{ id: string, at: string, fromStatus: InspectorStatus | null, toStatus: InspectorStatus, reason: string }> | null, conflicts: Array<{ id: string, uscc: string, reason: string, withdrawnAt: string | null }> | null }> } | null, experts: { nodes: Array<{ id: string, name: string, organization: string, expertise: Array<string> }> } | null } | null };

export type ConsoleMattersQueryVariables = Exact<{
  department: string;
}>;


export type ConsoleMattersQuery = { department: { code: string, matters: { nodes: Array<{ id: string, code: string, name: string, subItem: string, matterClass: MatterClass, defaultRatio: number, yearlyFrequency: number, status: MatterStatus, version: number, versions: Array<{ id: string, version: number, status: MatterStatus, changeReason: string | null }> }> } | null } | null };

export type ConsolePublishMatterMutationVariables = Exact<{
  department: string;
  code: string;
}>;


export type ConsolePublishMatterMutation = { publishMatter: { id: string, status: MatterStatus } };

export type ConsoleWithdrawMatterMutationVariables = Exact<{
  department: string;
  code: string;
  reason: string;
}>;


export type ConsoleWithdrawMatterMutation = { withdrawMatter: { id: string, status: MatterStatus } };

export type ConsoleSubjectsQueryVariables = Exact<{
  department: string;
  filter?: SubjectFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleSubjectsQuery = { department: { code: string, subjects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ uscc: string, name: string, category: string, region: string, riskClass: RiskClass | null, abnormalList: boolean | null, dishonest: boolean | null, seriousViolation: boolean | null }> } | null } | null };

export type CountyStatisticsQueryVariables = Exact<{
  year: number;
}>;


export type CountyStatisticsQuery = { countyStatistics: { year: number, asOf: string, doorKnocksSaved: number, departments: Array<{ department: string, name: string, kind: DepartmentKind, matterShare: { randomMatters: number, declaredTotal: number | null, share: number | null, target: number, met: boolean | null } | null, plans: { plans: number, completed: number }, reports: { reports: number, submitted: number, submittedOnTime: number, overdue: number, published: number, publishedInTime: number }, problemsByStratum: Array<{ key: string, findings: number, problems: number }>, workload: { inspectors: number, min: number, median: number, max: number }, unplanned: { total: number, flagged: number }, referrals: { open: number, closed: number, unanswered: number, overdue: number, overdueRectifications: number } }> } };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { departments: { nodes: Array<{ code: string, name: string, kind: DepartmentKind, publishedMatterCount: number | null, subjectCountsByRiskClass: Array<{ riskClass: RiskClass, count: number }> | null, inspectorCountsByStatus: Array<{ status: InspectorStatus, count: number }> | null }> }, plans: { nodes: Array<{ id: string, name: string, kind: PlanKind, departments: Array<string>, draws: Array<{ id: string, sequence: number, status: DrawStatus, visitCount: number, doorKnocks: { visits: number, saved: number } }> }> } };

export type HallQueryVariables = Exact<{
  id: string | number;
}>;


export type HallQuery = { draw: { id: string, sequence: number, status: DrawStatus, ceremonyValues: Array<string> | null, seed: string | null, visitCount: number, plan: { id: string, name: string, departments: Array<string> }, digests: { candidates: string, inspectors: string, experts: string } | null, counts: { candidates: number, inspectors: number, experts: number } | null } | null };

export type HallVisitsQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type HallVisitsQuery = { draw: { id: string, visits: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, rank: number | null, uscc: string, subject: { records: Array<{ name: string }> }, teams: Array<{ department: string, matters: Array<{ name: string }>, inspectors: Array<{ name: string }> }> }> } } | null };

export type HallVisitFragment = { id: string, rank: number | null, uscc: string, subject: { records: Array<{ name: string }> }, teams: Array<{ department: string, matters: Array<{ name: string }>, inspectors: Array<{ name: string }> }> };

export type HallDrawEventsSubscriptionVariables = Exact<{
  planId?: string | number | null | undefined;
}>;


export type HallDrawEventsSubscription = { drawChanged: { kind: DrawChangeKind, draw: { id: string, status: DrawStatus, visitCount: number, seed: string | null, ceremonyValues: Array<string> | null } | null } };

export type HallVisitEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type HallVisitEventsSubscription = { visitChanged: { kind: VisitChangeKind, visit: { id: string, rank: number | null, uscc: string, draw: { id: string } | null, subject: { records: Array<{ name: string }> }, teams: Array<{ department: string, matters: Array<{ name: string }>, inspectors: Array<{ name: string }> }> } | null } };

export type HallFreezeMutationVariables = Exact<{
  id: string | number;
}>;


export type HallFreezeMutation = { freezeDraw: { id: string, status: DrawStatus } };

export type HallCeremonyMutationVariables = Exact<{
  id: string | number;
  values: Array<string> | string;
}>;


export type HallCeremonyMutation = { enterCeremonyValues: { id: string, status: DrawStatus, seed: string | null, ceremonyValues: Array<string> | null } };

export type HallExecuteMutationVariables = Exact<{
  id: string | number;
}>;


export type HallExecuteMutation = { executeDraw: { id: string, status: DrawStatus, visitCount: number } };

export type HallPublishMutationVariables = Exact<{
  id: string | number;
}>;


export type HallPublishMutation = { publishDraw: { id: string, status: DrawStatus } };

export type MyVisitsQueryVariables = Exact<{
  department: string;
  id: string | number;
}>;


export type MyVisitsQuery = { inspector: { id: string, name: string, visits: { nodes: Array<{ id: string, status: VisitStatus, uscc: string, draw: { id: string, plan: { name: string, windowStart: string, windowEnd: string } } | null, subject: { records: Array<{ name: string, address: string }> }, teams: Array<{ department: string, matters: Array<{ id: string, name: string }>, inspectors: Array<{ id: string, name: string }> }> }> } | null } | null };

export type PhoneVisitQueryVariables = Exact<{
  id: string | number;
}>;


export type PhoneVisitQuery = { visit: { id: string, status: VisitStatus, uscc: string, subject: { records: Array<{ name: string, address: string }> }, teams: Array<{ department: string, matters: Array<{ id: string, name: string, subItem: string }>, inspectors: Array<{ id: string, name: string }> }>, onSite: { noticeNumber: string | null, startedAt: string | null, endedAt: string | null } | null, findings: Array<{ id: string, department: string, result: InspectionResult, description: string }>, evidence: Array<{ id: string, fileName: string | null, mediaType: string, size: number, sha256: string }>, reports: Array<{ id: string, department: string, status: ReportStatus, dueDate: string, inspectionTime: string, content: string, steps: string, findings: string, evaluation: string, handling: string, returnReason: string | null }> } | null };

export type PhoneStartVisitMutationVariables = Exact<{
  input: StartVisitInput;
}>;


export type PhoneStartVisitMutation = { startVisit: { id: string, status: VisitStatus } };

export type PhoneRecordFindingMutationVariables = Exact<{
  input: FindingInput;
}>;


export type PhoneRecordFindingMutation = { recordFinding: { id: string, result: InspectionResult, description: string } };

export type PhoneEndVisitMutationVariables = Exact<{
  visitId: string | number;
}>;


export type PhoneEndVisitMutation = { endVisit: { id: string, status: VisitStatus } };

export type PhoneUpdateReportMutationVariables = Exact<{
  visitId: string | number;
  department: string;
  input: ReportEditInput;
}>;


export type PhoneUpdateReportMutation = { updateReport: { id: string, status: ReportStatus } };

export type PhoneSubmitReportMutationVariables = Exact<{
  visitId: string | number;
  department: string;
}>;


export type PhoneSubmitReportMutation = { submitReport: { id: string, status: ReportStatus } };

export type PublicDrawQueryVariables = Exact<{
  id: string | number;
}>;


export type PublicDrawQuery = { draw: { id: string, sequence: number, status: DrawStatus, publishedAt: string | null, ceremonyValues: Array<string> | null, seed: string | null, plan: { id: string, name: string, departments: Array<string> }, digests: { candidates: string, inspectors: string, experts: string } | null, counts: { candidates: number, inspectors: number, experts: number } | null, strata: Array<{ stratum: string, poolSize: number, target: number, drawn: number }>, doorKnocks: { visits: number, saved: number }, visits: { nodes: Array<{ id: string, rank: number | null, ticket: string, uscc: string, departments: Array<string> }> } } | null };

export type PublishedResultsQueryVariables = Exact<{
  uscc?: string | null | undefined;
  planId?: string | number | null | undefined;
  name?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type PublishedResultsQuery = { publishedResults: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, visitId: string, planId: string | null, department: string, date: string | null, publishedAt: string, late: boolean, summary: string, subjectName: string | null, results: Array<{ matterCode: string, code: string, label: string, result: InspectionResult }>, subject: { uscc: string, records: Array<{ department: string, name: string }> } }> } };

export type ReviewQueueQueryVariables = Exact<{
  department: string;
}>;


export type ReviewQueueQuery = { department: { code: string, visits: { nodes: Array<{ id: string, uscc: string, subject: { records: Array<{ name: string }> }, reports: Array<{ id: string, department: string, status: ReportStatus, dueDate: string, late: boolean, publishDueDate: string, inspectionTime: string, findings: string, evaluation: string, handling: string, submittedBy: string | null, returnReason: string | null }> }> } } | null };

export type ReviewReportMutationVariables = Exact<{
  visitId: string | number;
  department: string;
  approve: boolean;
  reason?: string | null | undefined;
}>;


export type ReviewReportMutation = { reviewReport: { id: string, status: ReportStatus } };

export type PublishReviewedReportMutationVariables = Exact<{
  visitId: string | number;
  department: string;
}>;


export type PublishReviewedReportMutation = { publishReport: { id: string, status: ReportStatus } };

export type WizardMattersQueryVariables = Exact<{
  code: string;
}>;


export type WizardMattersQuery = { department: { code: string, matters: { nodes: Array<{ id: string, name: string, subItem: string, matterClass: MatterClass }> } | null } | null };

export type WizardDepartmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type WizardDepartmentsQuery = { departments: { nodes: Array<{ code: string, name: string }> } };

export type WizardCreateJointPlanMutationVariables = Exact<{
  input: PlanInput;
}>;


export type WizardCreateJointPlanMutation = { createJointPlan: { id: string } };

export type WizardCreatePlanMutationVariables = Exact<{
  input: PlanInput;
}>;


export type WizardCreatePlanMutation = { createPlan: { id: string } };

export type WizardCreateDrawMutationVariables = Exact<{
  planId: string | number;
}>;


export type WizardCreateDrawMutation = { createDraw: { id: string } };

export const HallVisitFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HallVisit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<HallVisitFragment, unknown>;
export const ConsoleImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"csvBase64"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportOptions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importSubjectsCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"csvBase64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"csvBase64"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"committed"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleImportMutation, ConsoleImportMutationVariables>;
export const ConsoleInspectorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleInspectors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"certificateNo"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"experts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"expertise"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleInspectorsQuery, ConsoleInspectorsQueryVariables>;
export const ConsoleMattersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleMatters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subItem"}},{"kind":"Field","name":{"kind":"Name","value":"matterClass"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRatio"}},{"kind":"Field","name":{"kind":"Name","value":"yearlyFrequency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"changeReason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleMattersQuery, ConsoleMattersQueryVariables>;
export const ConsolePublishMatterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsolePublishMatter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishMatter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsolePublishMatterMutation, ConsolePublishMatterMutationVariables>;
export const ConsoleWithdrawMatterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConsoleWithdrawMatter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawMatter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ConsoleWithdrawMatterMutation, ConsoleWithdrawMatterMutationVariables>;
export const ConsoleSubjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleSubjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SubjectFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"riskClass"}},{"kind":"Field","name":{"kind":"Name","value":"abnormalList"}},{"kind":"Field","name":{"kind":"Name","value":"dishonest"}},{"kind":"Field","name":{"kind":"Name","value":"seriousViolation"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleSubjectsQuery, ConsoleSubjectsQueryVariables>;
export const CountyStatisticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountyStatistics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countyStatistics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"doorKnocksSaved"}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"matterShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"randomMatters"}},{"kind":"Field","name":{"kind":"Name","value":"declaredTotal"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plans"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"}},{"kind":"Field","name":{"kind":"Name","value":"submitted"}},{"kind":"Field","name":{"kind":"Name","value":"submittedOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedInTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problemsByStratum"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"problems"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspectors"}},{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"median"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unplanned"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"unanswered"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"overdueRectifications"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CountyStatisticsQuery, CountyStatisticsQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"publishedMatterCount"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCountsByRiskClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riskClass"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspectorCountsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"plans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"draws"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visitCount"}},{"kind":"Field","name":{"kind":"Name","value":"doorKnocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visits"}},{"kind":"Field","name":{"kind":"Name","value":"saved"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const HallDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Hall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"digests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candidates"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"}},{"kind":"Field","name":{"kind":"Name","value":"experts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candidates"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"}},{"kind":"Field","name":{"kind":"Name","value":"experts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ceremonyValues"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"visitCount"}}]}}]}}]} as unknown as DocumentNode<HallQuery, HallQueryVariables>;
export const HallVisitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HallVisits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1000"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HallVisit"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HallVisit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<HallVisitsQuery, HallVisitsQueryVariables>;
export const HallDrawEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HallDrawEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drawChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"draw"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visitCount"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"ceremonyValues"}}]}}]}}]}}]} as unknown as DocumentNode<HallDrawEventsSubscription, HallDrawEventsSubscriptionVariables>;
export const HallVisitEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"HallVisitEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visitChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"visit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draw"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HallVisit"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HallVisit"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Visit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<HallVisitEventsSubscription, HallVisitEventsSubscriptionVariables>;
export const HallFreezeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HallFreeze"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"freezeDraw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"drawId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<HallFreezeMutation, HallFreezeMutationVariables>;
export const HallCeremonyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HallCeremony"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"values"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterCeremonyValues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"drawId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"values"},"value":{"kind":"Variable","name":{"kind":"Name","value":"values"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"ceremonyValues"}}]}}]}}]} as unknown as DocumentNode<HallCeremonyMutation, HallCeremonyMutationVariables>;
export const HallExecuteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HallExecute"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executeDraw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"drawId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visitCount"}}]}}]}}]} as unknown as DocumentNode<HallExecuteMutation, HallExecuteMutationVariables>;
export const HallPublishDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HallPublish"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishDraw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"drawId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<HallPublishMutation, HallPublishMutationVariables>;
export const MyVisitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVisits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inspector"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"visits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"draw"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyVisitsQuery, MyVisitsQueryVariables>;
export const PhoneVisitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PhoneVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subItem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"onSite"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"noticeNumber"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mediaType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionTime"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"evaluation"}},{"kind":"Field","name":{"kind":"Name","value":"handling"}},{"kind":"Field","name":{"kind":"Name","value":"returnReason"}}]}}]}}]}}]} as unknown as DocumentNode<PhoneVisitQuery, PhoneVisitQueryVariables>;
export const PhoneStartVisitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PhoneStartVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartVisitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PhoneStartVisitMutation, PhoneStartVisitMutationVariables>;
export const PhoneRecordFindingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PhoneRecordFinding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FindingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordFinding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<PhoneRecordFindingMutation, PhoneRecordFindingMutationVariables>;
export const PhoneEndVisitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PhoneEndVisit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endVisit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"visitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PhoneEndVisitMutation, PhoneEndVisitMutationVariables>;
export const PhoneUpdateReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PhoneUpdateReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportEditInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"visitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PhoneUpdateReportMutation, PhoneUpdateReportMutationVariables>;
export const PhoneSubmitReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PhoneSubmitReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"visitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PhoneSubmitReportMutation, PhoneSubmitReportMutationVariables>;
export const PublicDrawDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublicDraw"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"digests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candidates"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"}},{"kind":"Field","name":{"kind":"Name","value":"experts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"candidates"}},{"kind":"Field","name":{"kind":"Name","value":"inspectors"}},{"kind":"Field","name":{"kind":"Name","value":"experts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ceremonyValues"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"strata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stratum"}},{"kind":"Field","name":{"kind":"Name","value":"poolSize"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"drawn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"doorKnocks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"visits"}},{"kind":"Field","name":{"kind":"Name","value":"saved"}}]}},{"kind":"Field","name":{"kind":"Name","value":"visits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"ticket"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PublicDrawQuery, PublicDrawQueryVariables>;
export const PublishedResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PublishedResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishedResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uscc"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uscc"}}},{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"visitId"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matterCode"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"result"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PublishedResultsQuery, PublishedResultsQueryVariables>;
export const ReviewQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"visits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uscc"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"department"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"publishDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"inspectionTime"}},{"kind":"Field","name":{"kind":"Name","value":"findings"}},{"kind":"Field","name":{"kind":"Name","value":"evaluation"}},{"kind":"Field","name":{"kind":"Name","value":"handling"}},{"kind":"Field","name":{"kind":"Name","value":"submittedBy"}},{"kind":"Field","name":{"kind":"Name","value":"returnReason"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ReviewReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"approve"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"visitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}},{"kind":"Argument","name":{"kind":"Name","value":"approve"},"value":{"kind":"Variable","name":{"kind":"Name","value":"approve"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReviewReportMutation, ReviewReportMutationVariables>;
export const PublishReviewedReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishReviewedReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"department"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"visitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"department"},"value":{"kind":"Variable","name":{"kind":"Name","value":"department"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PublishReviewedReportMutation, PublishReviewedReportMutationVariables>;
export const WizardMattersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WizardMatters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PUBLISHED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subItem"}},{"kind":"Field","name":{"kind":"Name","value":"matterClass"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WizardMattersQuery, WizardMattersQueryVariables>;
export const WizardDepartmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WizardDepartments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<WizardDepartmentsQuery, WizardDepartmentsQueryVariables>;
export const WizardCreateJointPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WizardCreateJointPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createJointPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WizardCreateJointPlanMutation, WizardCreateJointPlanMutationVariables>;
export const WizardCreatePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WizardCreatePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WizardCreatePlanMutation, WizardCreatePlanMutationVariables>;
export const WizardCreateDrawDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WizardCreateDraw"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDraw"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<WizardCreateDrawMutation, WizardCreateDrawMutationVariables>;