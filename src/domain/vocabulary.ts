/** The fixed vocabularies of the register (domain.md). They are data values stored as written. */
export const ORGANIZATION_TYPES = ['党委', '党工委', '党组', '党总支', '党支部', '联合党支部'] as const;
export const MEMBER_STATUSES = ['在册', '转出', '退休', '去世'] as const;
/** 职务层次, as the cadre-information standard words it. */
export const RANKS = ['厅局级', '县处级', '乡科级', '一般干部', '其他'] as const;

export const PARTY_STATUSES = ['正式党员', '预备党员'] as const;
export const GENDERS = ['男', '女'] as const;

export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type Rank = (typeof RANKS)[number];
export type PartyStatus = (typeof PARTY_STATUSES)[number];
export type Gender = (typeof GENDERS)[number];

export const REGIONS = ['境内', '境外'] as const;
export const CAPACITIES = ['以职务身份', '个人'] as const;
export const ACCOUNT_KINDS = ['账号', '群组', '公众账号'] as const;
export const ACCOUNT_STATUSES = ['在用', '停用', '已注销'] as const;
export const FILING_TYPES = ['报告', '备案', '变更', '注销'] as const;
export const REQUIRED_FILINGS = ['报告', '备案', '无'] as const;
export const FILING_RECORD_STATES = ['待审核', '已登记', '需补正'] as const;
/** An account's filing state as the register derives it. */
export const FILING_STATES = ['无需报备', '未报备', '待审核', '已登记', '需补正', '变更未报', '已注销'] as const;
export const DECISIONS = ['同意', '不同意', '修改后同意'] as const;
export const DEFAULT_PLATFORMS = [
  '微信公众号', '微信视频号', '微信群', '微博', '抖音', '快手', '哔哩哔哩', '小红书', '今日头条', '知乎', 'QQ群',
  '论坛社区', '网络直播', '境外平台',
];

export type Region = (typeof REGIONS)[number];
export type Capacity = (typeof CAPACITIES)[number];
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type FilingType = (typeof FILING_TYPES)[number];
export type RequiredFiling = (typeof REQUIRED_FILINGS)[number];
export type FilingRecordState = (typeof FILING_RECORD_STATES)[number];
export type FilingState = (typeof FILING_STATES)[number];
export type Decision = (typeof DECISIONS)[number];

export const COMMENDATION_KINDS = ['口头表扬', '书面表扬', '通报表扬', '评先评优推荐', '其他'] as const;
export const APPROVING_LEVELS = ['中央', '省级', '市级', '县级', '乡镇级', '本单位', '其他'] as const;
export const PROTECTION_MEASURES = ['澄清正名', '向平台举报处置', '法律支持', '关心关爱', '其他'] as const;
export const PROTECTION_STATUSES = ['处理中', '已办结'] as const;
export const DECLARATION_KINDS = ['申报', '零报告'] as const;
export const CAMPAIGN_STATUSES = ['进行中', '已结束'] as const;

export type CommendationKind = (typeof COMMENDATION_KINDS)[number];
export type ProtectionMeasure = (typeof PROTECTION_MEASURES)[number];
export type ProtectionStatus = (typeof PROTECTION_STATUSES)[number];
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
