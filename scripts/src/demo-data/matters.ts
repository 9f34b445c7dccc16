import type { MatterInput } from "@ssj/shared";
import { DEPARTMENT_CODES, MATTER_PREFIX, type DemoDepartmentCode } from "./departments.js";

/** Year in the demo matter codes (SCJG-2027-001 …). */
export const MATTER_YEAR = 2027;

/**
 * Supervision types (监管类型) each department records on its subjects; a matter's `appliesTo` is a
 * subset of its department's list, and the subject generator only assigns types from these lists.
 */
export const SUPERVISION_TYPES = {
  market: [
    "企业公示信息", "个体工商户年报", "食品生产", "食品销售", "餐饮服务", "特种设备使用", "工业产品生产",
    "产品销售", "药品零售", "医疗器械经营", "化妆品经营", "计量器具使用", "广告发布",
  ],
  ecology: ["重点排污单位", "排污登记单位", "危险废物产生单位", "建设项目", "畜禽规模养殖场", "土壤污染重点监管单位"],
  emergency: ["危险化学品生产", "危险化学品经营", "工贸企业", "燃气使用场所", "烟花爆竹经营"],
  health: ["公共场所", "职业病危害", "生活饮用水"],
  agriculture: ["农药经营", "种子经营", "肥料经营", "兽药经营", "饲料经营", "畜禽养殖", "农产品生产", "农业机械使用"],
} as const satisfies Record<DemoDepartmentCode, readonly string[]>;

export type SupervisionType<D extends DemoDepartmentCode> = (typeof SUPERVISION_TYPES)[D][number];

/** 执法类别 each department's inspectors may hold; every matter's `qualifications` come from here. */
export const QUALIFICATIONS = {
  market: ["市场监管综合", "食品安全", "特种设备", "药品监管", "产品质量", "计量", "广告监管"],
  ecology: ["生态环境", "固体废物", "环境监测"],
  emergency: ["安全生产", "危险化学品", "烟花爆竹"],
  health: ["公共卫生", "职业卫生"],
  agriculture: ["农业综合执法", "动物卫生监督", "农产品质量安全"],
} as const satisfies Record<DemoDepartmentCode, readonly string[]>;

const IMPLEMENTING_BODY: Record<DemoDepartmentCode, string> = {
  market: "资阳市市场监督管理局及雁江区、安岳县、乐至县、高新区市场监督管理部门",
  ecology: "资阳市生态环境局及其雁江、安岳、乐至分局",
  emergency: "资阳市应急管理局及各县（区）应急管理部门",
  health: "资阳市卫生健康委员会（资阳市卫生健康综合执法支队）",
  agriculture: "资阳市农业农村局（资阳市农业综合行政执法支队）",
};

type Row<D extends DemoDepartmentCode> = {
  name: string;
  subItem: string;
  legalBasis: string;
  objectType: string;
  content: string;
  key: boolean;
  ratio: number;
  frequency: number;
  qualifications: (typeof QUALIFICATIONS)[D][number][];
  expert: boolean;
  appliesTo: SupervisionType<D>[];
};

const MARKET: Row<"market">[] = [
  {
    name: "企业公示信息的检查", subItem: "年度报告公示信息", legalBasis: "《企业信息公示暂行条例》第十四条；《中华人民共和国市场主体登记管理条例》第三十八条",
    objectType: "企业、农民专业合作社", content: "检查企业年度报告中公示的出资、资产状况、经营状态等信息是否真实、及时",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["市场监管综合"], expert: false, appliesTo: ["企业公示信息"],
  },
  {
    name: "个体工商户登记事项的检查", subItem: "年度报告及登记事项", legalBasis: "《中华人民共和国市场主体登记管理条例》第三十八条；《促进个体工商户发展条例》",
    objectType: "个体工商户", content: "检查经营者、经营场所、经营范围等登记事项与实际是否一致，年度报告是否按时报送",
    key: false, ratio: 0.02, frequency: 1, qualifications: ["市场监管综合"], expert: false, appliesTo: ["个体工商户年报"],
  },
  {
    name: "食品生产者的检查", subItem: "生产许可、原料控制、生产过程控制、出厂检验", legalBasis: "《中华人民共和国食品安全法》第一百一十条；《食品生产经营监督检查管理办法》",
    objectType: "食品生产企业", content: "检查生产许可条件保持、原辅料查验、生产过程控制、出厂检验记录及不合格品处置",
    key: true, ratio: 0.2, frequency: 2, qualifications: ["食品安全"], expert: true, appliesTo: ["食品生产"],
  },
  {
    name: "食品销售者的检查", subItem: "进货查验、贮存条件、临期过期食品处置", legalBasis: "《中华人民共和国食品安全法》第五十三条、第一百一十条",
    objectType: "食品销售经营者", content: "检查进货查验记录、食品贮存条件、标签标识及过期变质食品的清理情况",
    key: true, ratio: 0.05, frequency: 1, qualifications: ["食品安全"], expert: false, appliesTo: ["食品销售"],
  },
  {
    name: "餐饮服务提供者的检查", subItem: "加工制作过程、餐用具清洗消毒、从业人员健康管理", legalBasis: "《中华人民共和国食品安全法》第五十五条、第一百一十条；《餐饮服务食品安全操作规范》",
    objectType: "餐饮服务提供者", content: "检查许可公示、原料控制、加工制作规范、餐饮具清洗消毒及从业人员健康证明",
    key: true, ratio: 0.05, frequency: 1, qualifications: ["食品安全"], expert: false, appliesTo: ["餐饮服务"],
  },
  {
    name: "食品安全监督抽检", subItem: "食品抽样检验", legalBasis: "《中华人民共和国食品安全法》第八十七条；《食品安全抽样检验管理办法》",
    objectType: "食品生产经营者", content: "按年度抽检计划对在产、在售、在用食品进行抽样检验",
    key: true, ratio: 0.03, frequency: 2, qualifications: ["食品安全"], expert: true, appliesTo: ["食品生产", "食品销售", "餐饮服务"],
  },
  {
    name: "特种设备使用单位的检查", subItem: "使用登记、定期检验、作业人员持证", legalBasis: "《中华人民共和国特种设备安全法》第五十七条、第六十一条",
    objectType: "特种设备使用单位", content: "检查锅炉、压力容器、电梯、起重机械、场（厂）内机动车辆的使用登记、定期检验和作业人员持证情况",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["特种设备"], expert: true, appliesTo: ["特种设备使用"],
  },
  {
    name: "工业产品生产许可获证企业的检查", subItem: "获证条件保持、产品质量", legalBasis: "《中华人民共和国工业产品生产许可证管理条例》；《中华人民共和国产品质量法》第十五条",
    objectType: "工业产品生产企业", content: "检查生产许可证获证条件保持、产品标识及出厂检验情况",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["产品质量"], expert: false, appliesTo: ["工业产品生产"],
  },
  {
    name: "产品质量监督抽查", subItem: "流通领域产品质量", legalBasis: "《中华人民共和国产品质量法》第十五条；《产品质量监督抽查管理暂行办法》",
    objectType: "产品生产者、销售者", content: "对生产、流通领域的重点工业产品抽样检验，检查产品标识标注",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["产品质量"], expert: true, appliesTo: ["产品销售", "工业产品生产"],
  },
  {
    name: "药品零售企业的检查", subItem: "经营许可条件、处方药销售、药学技术人员在岗", legalBasis: "《中华人民共和国药品管理法》第九十九条；《药品经营和使用质量监督管理办法》",
    objectType: "药品零售企业", content: "检查执业药师在岗、处方药凭处方销售、药品储存养护及购销记录",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["药品监管"], expert: false, appliesTo: ["药品零售"],
  },
  {
    name: "医疗器械经营企业的检查", subItem: "经营备案、进货查验、贮存条件", legalBasis: "《医疗器械监督管理条例》第七十条；《医疗器械经营监督管理办法》",
    objectType: "医疗器械经营企业", content: "检查经营许可或备案、进货查验记录、贮存条件及不良事件监测",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["药品监管"], expert: false, appliesTo: ["医疗器械经营"],
  },
  {
    name: "化妆品经营者的检查", subItem: "进货查验、标签标识", legalBasis: "《化妆品监督管理条例》第四十六条",
    objectType: "化妆品经营者（含美容美发机构）", content: "检查化妆品进货查验记录、标签及过期化妆品处置",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["药品监管"], expert: false, appliesTo: ["化妆品经营"],
  },
  {
    name: "强制检定计量器具使用的检查", subItem: "燃油加油机、电子计价秤等强检器具", legalBasis: "《中华人民共和国计量法》第九条；《中华人民共和国计量法实施细则》",
    objectType: "强制检定计量器具使用单位", content: "检查强制检定计量器具的登记、检定合格标志及使用情况",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["计量"], expert: false, appliesTo: ["计量器具使用"],
  },
  {
    name: "广告发布行为的检查", subItem: "户外及门店广告内容", legalBasis: "《中华人民共和国广告法》第四十九条",
    objectType: "广告主、广告发布者", content: "检查广告内容是否真实合法，有无虚假宣传及违禁用语",
    key: false, ratio: 0.02, frequency: 1, qualifications: ["广告监管"], expert: false, appliesTo: ["广告发布"],
  },
];

const ECOLOGY: Row<"ecology">[] = [
  {
    name: "排污许可证执行情况的检查", subItem: "许可排放浓度和排放量", legalBasis: "《排污许可管理条例》第二十六条",
    objectType: "实行排污许可重点管理、简化管理的排污单位", content: "检查排放口设置、污染物排放浓度与排放量、执行报告及环境管理台账",
    key: true, ratio: 0.2, frequency: 2, qualifications: ["生态环境"], expert: false, appliesTo: ["重点排污单位"],
  },
  {
    name: "排污登记单位的检查", subItem: "排污登记信息", legalBasis: "《排污许可管理条例》第二十四条",
    objectType: "实行排污登记管理的单位", content: "检查排污登记信息是否真实、污染防治设施是否正常运行",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["生态环境"], expert: false, appliesTo: ["排污登记单位"],
  },
  {
    name: "大气污染物排放的检查", subItem: "废气治理设施运行、无组织排放", legalBasis: "《中华人民共和国大气污染防治法》第二十九条",
    objectType: "排放大气污染物的企业事业单位", content: "检查废气治理设施运行记录、挥发性有机物无组织排放控制",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["生态环境", "环境监测"], expert: true, appliesTo: ["重点排污单位", "排污登记单位"],
  },
  {
    name: "水污染物排放的检查", subItem: "废水处理设施、排放口", legalBasis: "《中华人民共和国水污染防治法》第三十条",
    objectType: "排放水污染物的企业事业单位", content: "检查废水处理设施运行、雨污分流及排放口规范化设置",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["生态环境", "环境监测"], expert: false, appliesTo: ["重点排污单位", "畜禽规模养殖场"],
  },
  {
    name: "危险废物规范化环境管理的检查", subItem: "贮存、转移联单、管理台账", legalBasis: "《中华人民共和国固体废物污染环境防治法》第二十六条、第七十八条",
    objectType: "危险废物产生单位", content: "检查危险废物识别标志、贮存设施、管理计划、转移联单及委托利用处置情况",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["固体废物"], expert: false, appliesTo: ["危险废物产生单位"],
  },
  {
    name: "建设项目环境保护“三同时”的检查", subItem: "环评审批及竣工环境保护验收", legalBasis: "《中华人民共和国环境影响评价法》；《建设项目环境保护管理条例》第十九条",
    objectType: "建设单位", content: "检查环评手续、环境保护设施与主体工程同时设计、同时施工、同时投产使用情况",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["生态环境"], expert: true, appliesTo: ["建设项目"],
  },
  {
    name: "畜禽规模养殖污染防治的检查", subItem: "粪污处理与资源化利用", legalBasis: "《畜禽规模养殖污染防治条例》；《中华人民共和国水污染防治法》",
    objectType: "畜禽规模养殖场", content: "检查粪污贮存、处理设施配套及资源化利用台账",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["生态环境"], expert: false, appliesTo: ["畜禽规模养殖场"],
  },
  {
    name: "土壤污染重点监管单位的检查", subItem: "隐患排查、自行监测", legalBasis: "《中华人民共和国土壤污染防治法》第二十一条",
    objectType: "土壤污染重点监管单位", content: "检查土壤污染隐患排查制度、自行监测方案及结果报送",
    key: true, ratio: 0.2, frequency: 1, qualifications: ["生态环境", "环境监测"], expert: true, appliesTo: ["土壤污染重点监管单位"],
  },
  {
    name: "污染源自动监控设施运行的检查", subItem: "自动监测数据有效性", legalBasis: "《污染源自动监控管理办法》；《中华人民共和国大气污染防治法》第二十四条",
    objectType: "安装自动监测设备的排污单位", content: "检查自动监测设备联网、运行维护记录及数据真实性",
    key: false, ratio: 0.1, frequency: 1, qualifications: ["环境监测"], expert: true, appliesTo: ["重点排污单位"],
  },
  {
    name: "企业环境信息依法披露的检查", subItem: "年度环境信息依法披露报告", legalBasis: "《企业环境信息依法披露管理办法》",
    objectType: "依法应当披露环境信息的企业", content: "检查环境信息依法披露报告的及时性、完整性",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["生态环境"], expert: false, appliesTo: ["重点排污单位", "土壤污染重点监管单位"],
  },
  {
    name: "工业噪声污染防治的检查", subItem: "厂界噪声", legalBasis: "《中华人民共和国噪声污染防治法》",
    objectType: "产生工业噪声的单位", content: "检查噪声污染防治设施运行及厂界噪声排放",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["生态环境", "环境监测"], expert: false, appliesTo: ["排污登记单位"],
  },
];

const EMERGENCY: Row<"emergency">[] = [
  {
    name: "危险化学品生产企业安全生产的检查", subItem: "安全生产许可条件、重大危险源管控", legalBasis: "《中华人民共和国安全生产法》第六十五条；《危险化学品安全管理条例》",
    objectType: "危险化学品生产企业", content: "检查安全生产许可条件保持、重大危险源监测监控、双重预防机制运行",
    key: true, ratio: 0.3, frequency: 2, qualifications: ["危险化学品"], expert: true, appliesTo: ["危险化学品生产"],
  },
  {
    name: "危险化学品经营企业的检查", subItem: "经营许可、储存场所", legalBasis: "《危险化学品安全管理条例》第三十三条；《危险化学品经营许可证管理办法》",
    objectType: "危险化学品经营单位（含加油站）", content: "检查经营许可证、储存设施、安全管理制度及从业人员培训",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["危险化学品"], expert: false, appliesTo: ["危险化学品经营"],
  },
  {
    name: "安全风险分级管控和隐患排查治理的检查", subItem: "双重预防机制", legalBasis: "《中华人民共和国安全生产法》第四十一条",
    objectType: "生产经营单位", content: "检查安全风险辨识评估、隐患排查治理台账及整改闭环",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["安全生产"], expert: false, appliesTo: ["工贸企业", "危险化学品生产", "危险化学品经营"],
  },
  {
    name: "从业人员安全生产教育培训的检查", subItem: "三级安全教育、培训档案", legalBasis: "《中华人民共和国安全生产法》第二十八条",
    objectType: "生产经营单位", content: "检查从业人员安全生产教育和培训计划、记录及考核档案",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["安全生产"], expert: false, appliesTo: ["工贸企业", "危险化学品生产"],
  },
  {
    name: "特种作业人员持证上岗的检查", subItem: "电工、焊工等特种作业", legalBasis: "《中华人民共和国安全生产法》第三十条",
    objectType: "生产经营单位", content: "检查特种作业人员操作证及持证上岗情况",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["安全生产"], expert: false, appliesTo: ["工贸企业"],
  },
  {
    name: "工贸企业有限空间作业的检查", subItem: "有限空间辨识与作业审批", legalBasis: "《工贸企业有限空间作业安全规定》",
    objectType: "存在有限空间作业的工贸企业", content: "检查有限空间台账、作业审批、通风检测及应急救援装备",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["安全生产"], expert: false, appliesTo: ["工贸企业"],
  },
  {
    name: "工贸企业粉尘防爆的检查", subItem: "除尘系统、粉尘清扫制度", legalBasis: "《工贸企业粉尘防爆安全规定》",
    objectType: "存在粉尘爆炸危险场所的工贸企业", content: "检查除尘系统设置、防火防爆措施及粉尘清扫记录",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["安全生产"], expert: true, appliesTo: ["工贸企业"],
  },
  {
    name: "生产安全事故应急预案的检查", subItem: "预案编制、备案与演练", legalBasis: "《生产安全事故应急条例》第五条；《生产安全事故应急预案管理办法》",
    objectType: "生产经营单位", content: "检查应急预案编制、评审备案及年度演练记录",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["安全生产"], expert: false, appliesTo: ["工贸企业", "危险化学品生产", "危险化学品经营"],
  },
  {
    name: "劳动防护用品配备使用的检查", subItem: "劳动防护用品", legalBasis: "《中华人民共和国安全生产法》第四十五条",
    objectType: "生产经营单位", content: "检查劳动防护用品的采购、发放和正确佩戴使用",
    key: false, ratio: 0.02, frequency: 1, qualifications: ["安全生产"], expert: false, appliesTo: ["工贸企业"],
  },
  {
    name: "餐饮等场所燃气安全的检查", subItem: "可燃气体报警装置", legalBasis: "《中华人民共和国安全生产法》第三十六条",
    objectType: "使用燃气的餐饮等生产经营单位", content: "检查可燃气体报警装置安装及正常使用、燃气管道和软管安全状况",
    key: true, ratio: 0.05, frequency: 1, qualifications: ["安全生产"], expert: false, appliesTo: ["燃气使用场所"],
  },
  {
    name: "烟花爆竹零售经营的检查", subItem: "零售许可、储存限量", legalBasis: "《烟花爆竹安全管理条例》；《烟花爆竹经营许可实施办法》",
    objectType: "烟花爆竹零售经营者", content: "检查零售许可证、存放限量及防火措施",
    key: false, ratio: 0.1, frequency: 1, qualifications: ["烟花爆竹"], expert: false, appliesTo: ["烟花爆竹经营"],
  },
];

const HEALTH: Row<"health">[] = [
  {
    name: "公共场所卫生许可的检查", subItem: "卫生许可证", legalBasis: "《公共场所卫生管理条例》第八条",
    objectType: "住宿、美容美发、沐浴等公共场所经营者", content: "检查卫生许可证取得、公示及有效期",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["公共卫生"], expert: false, appliesTo: ["公共场所"],
  },
  {
    name: "公共场所从业人员健康管理的检查", subItem: "健康合格证明、卫生知识培训", legalBasis: "《公共场所卫生管理条例》第七条",
    objectType: "公共场所经营者", content: "检查直接为顾客服务人员的健康合格证明及卫生知识培训",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["公共卫生"], expert: false, appliesTo: ["公共场所"],
  },
  {
    name: "公共场所卫生状况的检查", subItem: "空气质量、微小气候、采光照明", legalBasis: "《公共场所卫生管理条例》第三条；《公共场所卫生管理条例实施细则》",
    objectType: "公共场所经营者", content: "检查卫生检测报告及现场空气、微小气候、水质等卫生状况",
    key: true, ratio: 0.05, frequency: 1, qualifications: ["公共卫生"], expert: true, appliesTo: ["公共场所"],
  },
  {
    name: "顾客用品用具清洗消毒的检查", subItem: "毛巾、床上用品、美容美发工具", legalBasis: "《公共场所卫生管理条例实施细则》",
    objectType: "住宿、美容美发、沐浴场所", content: "检查顾客用品用具清洗、消毒、保洁设施及记录",
    key: true, ratio: 0.05, frequency: 1, qualifications: ["公共卫生"], expert: false, appliesTo: ["公共场所"],
  },
  {
    name: "集中空调通风系统卫生的检查", subItem: "清洗消毒及卫生评价", legalBasis: "《公共场所集中空调通风系统卫生规范》；《公共场所卫生管理条例实施细则》",
    objectType: "使用集中空调通风系统的公共场所", content: "检查集中空调通风系统卫生检测、评价及清洗记录",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["公共卫生"], expert: true, appliesTo: ["公共场所"],
  },
  {
    name: "公共场所控烟的检查", subItem: "禁烟标识、劝阻吸烟", legalBasis: "《公共场所卫生管理条例实施细则》第十八条",
    objectType: "室内公共场所", content: "检查禁止吸烟标识设置、吸烟劝阻及室内无吸烟器具",
    key: false, ratio: 0.02, frequency: 1, qualifications: ["公共卫生"], expert: false, appliesTo: ["公共场所"],
  },
  {
    name: "传染病防治措施落实的检查", subItem: "消毒隔离、疫情报告", legalBasis: "《中华人民共和国传染病防治法》第五十三条",
    objectType: "公共场所经营者", content: "检查传染病防控制度、消毒措施及疫情报告落实",
    key: false, ratio: 0.02, frequency: 1, qualifications: ["公共卫生"], expert: false, appliesTo: ["公共场所"],
  },
  {
    name: "生活饮用水卫生的检查", subItem: "二次供水设施、水质检测", legalBasis: "《生活饮用水卫生监督管理办法》",
    objectType: "二次供水单位、自备供水单位", content: "检查二次供水设施清洗消毒、水质检测报告及卫生许可",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["公共卫生"], expert: true, appliesTo: ["生活饮用水"],
  },
  {
    name: "用人单位职业病危害项目申报的检查", subItem: "危害项目申报", legalBasis: "《中华人民共和国职业病防治法》第十六条、第六十二条",
    objectType: "存在职业病危害因素的用人单位", content: "检查职业病危害项目申报及变更",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["职业卫生"], expert: false, appliesTo: ["职业病危害"],
  },
  {
    name: "职业病危害因素检测与职业健康检查的检查", subItem: "定期检测、上岗在岗离岗体检", legalBasis: "《中华人民共和国职业病防治法》第二十六条、第三十五条",
    objectType: "存在职业病危害因素的用人单位", content: "检查职业病危害因素定期检测评价、劳动者职业健康检查及档案",
    key: true, ratio: 0.05, frequency: 1, qualifications: ["职业卫生"], expert: true, appliesTo: ["职业病危害"],
  },
];

const AGRICULTURE: Row<"agriculture">[] = [
  {
    name: "农药经营者的检查", subItem: "经营许可、限制使用农药实名购买", legalBasis: "《农药管理条例》第二十四条、第二十七条",
    objectType: "农药经营者", content: "检查农药经营许可证、进货查验、销售台账及限制使用农药专柜和实名购买",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["农业综合执法"], expert: false, appliesTo: ["农药经营"],
  },
  {
    name: "种子经营者的检查", subItem: "备案、标签、经营档案", legalBasis: "《中华人民共和国种子法》第五十条；《农作物种子生产经营许可管理办法》",
    objectType: "种子经营者", content: "检查种子经营备案、标签和使用说明、经营档案",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["农业综合执法"], expert: false, appliesTo: ["种子经营"],
  },
  {
    name: "肥料经营的检查", subItem: "肥料登记证、产品标签", legalBasis: "《肥料登记管理办法》",
    objectType: "肥料经营者", content: "检查所售肥料的登记证号及标签标注",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["农业综合执法"], expert: false, appliesTo: ["肥料经营"],
  },
  {
    name: "兽药经营企业的检查", subItem: "兽药GSP、购销记录", legalBasis: "《兽药管理条例》第二十二条、第二十六条",
    objectType: "兽药经营企业", content: "检查兽药经营许可证、兽药GSP执行及购销记录",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["动物卫生监督"], expert: false, appliesTo: ["兽药经营"],
  },
  {
    name: "饲料和饲料添加剂经营的检查", subItem: "进货查验、产品标签", legalBasis: "《饲料和饲料添加剂管理条例》",
    objectType: "饲料经营者", content: "检查进货查验记录、产品标签及禁用物质",
    key: false, ratio: 0.03, frequency: 1, qualifications: ["动物卫生监督"], expert: false, appliesTo: ["饲料经营"],
  },
  {
    name: "畜禽养殖场养殖档案和用药记录的检查", subItem: "养殖档案、兽药使用、休药期", legalBasis: "《中华人民共和国畜牧法》；《兽药管理条例》第三十八条",
    objectType: "畜禽养殖场、养殖小区", content: "检查养殖档案、兽药和饲料使用记录及休药期执行",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["动物卫生监督"], expert: false, appliesTo: ["畜禽养殖"],
  },
  {
    name: "动物防疫条件的检查", subItem: "动物防疫条件合格证、病死畜禽无害化处理", legalBasis: "《中华人民共和国动物防疫法》第二十四条",
    objectType: "动物饲养场", content: "检查动物防疫条件合格证、免疫记录及病死畜禽无害化处理",
    key: true, ratio: 0.1, frequency: 1, qualifications: ["动物卫生监督"], expert: true, appliesTo: ["畜禽养殖"],
  },
  {
    name: "农产品质量安全的检查", subItem: "生产记录、农药兽药安全间隔期", legalBasis: "《中华人民共和国农产品质量安全法》",
    objectType: "农产品生产企业、农民专业合作社", content: "检查农产品生产记录、农业投入品使用及安全间隔期执行",
    key: true, ratio: 0.05, frequency: 1, qualifications: ["农产品质量安全"], expert: false, appliesTo: ["农产品生产", "畜禽养殖"],
  },
  {
    name: "承诺达标合格证开具的检查", subItem: "承诺达标合格证", legalBasis: "《中华人民共和国农产品质量安全法》第三十九条",
    objectType: "农产品生产企业、农民专业合作社", content: "检查上市农产品承诺达标合格证的开具与留存",
    key: false, ratio: 0.05, frequency: 1, qualifications: ["农产品质量安全"], expert: false, appliesTo: ["农产品生产"],
  },
  {
    name: "农产品质量安全监督抽查", subItem: "农兽药残留抽检", legalBasis: "《中华人民共和国农产品质量安全法》；《农产品质量安全监测管理办法》",
    objectType: "农产品生产经营者", content: "对蔬菜、水果、畜禽产品抽样检测农药兽药残留",
    key: true, ratio: 0.03, frequency: 2, qualifications: ["农产品质量安全"], expert: true, appliesTo: ["农产品生产", "畜禽养殖"],
  },
  {
    name: "农业机械安全的检查", subItem: "拖拉机、联合收割机登记与检验", legalBasis: "《农业机械安全监督管理条例》",
    objectType: "农业机械所有人、使用人", content: "检查拖拉机、联合收割机注册登记、定期检验及驾驶操作人员证件",
    key: false, ratio: 0.02, frequency: 1, qualifications: ["农业综合执法"], expert: false, appliesTo: ["农业机械使用"],
  },
];

const ROWS: { [D in DemoDepartmentCode]: Row<D>[] } = {
  market: MARKET,
  ecology: ECOLOGY,
  emergency: EMERGENCY,
  health: HEALTH,
  agriculture: AGRICULTURE,
};

/** The 随机抽查事项清单 of one demo department (fixed: does not depend on the seed). */
export function demoMatters(dept: DemoDepartmentCode): MatterInput[] {
  const rows = ROWS[dept] as Row<DemoDepartmentCode>[];
  return rows.map((r, i) => ({
    code: `${MATTER_PREFIX[dept]}-${MATTER_YEAR}-${String(i + 1).padStart(3, "0")}`,
    name: r.name,
    subItem: r.subItem,
    legalBasis: r.legalBasis,
    implementingBody: IMPLEMENTING_BODY[dept],
    objectType: r.objectType,
    content: r.content,
    matterClass: r.key ? "KEY" : "GENERAL",
    defaultRatio: r.ratio,
    yearlyFrequency: r.frequency,
    qualifications: [...r.qualifications],
    expertRequired: r.expert,
    appliesTo: [...r.appliesTo],
  }));
}

export function allDemoMatters(): Record<DemoDepartmentCode, MatterInput[]> {
  return Object.fromEntries(DEPARTMENT_CODES.map((d) => [d, demoMatters(d)])) as Record<DemoDepartmentCode, MatterInput[]>;
}
