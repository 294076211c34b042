/** The fixed vocabularies of the register (domain.md). They are data values stored as written. */
export const ORGANIZATION_TYPES = ['党委', '党工委', '党组', '党总支', '党支部', '联合党支部'] as const;
export const MEMBER_STATUSES = ['在册', '转出', '退休', '去世'] as const;
export const RANKS = ['厅级', '处级', '科级', '一般干部', '其他'] as const;
export const PARTY_STATUSES = ['正式党员', '预备党员'] as const;
export const GENDERS = ['男', '女'] as const;

export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type Rank = (typeof RANKS)[number];
export type PartyStatus = (typeof PARTY_STATUSES)[number];
export type Gender = (typeof GENDERS)[number];
