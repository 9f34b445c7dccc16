/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** 事项类别：重点 KEY / 一般 GENERAL（一般事项的抽查比例有上限） */
export type MatterClass =
  | 'GENERAL'
  | 'KEY';

/** 计划类型：部门计划 DEPARTMENT / 联合抽查计划 JOINT（发起部门 + 配合部门）/ plan kind */
export type PlanKind =
  | 'DEPARTMENT'
  | 'JOINT';

export type PortalQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalQuery = { departments: { nodes: Array<{ code: string, name: string, publishedMatterCount: number | null }> }, plans: { nodes: Array<{ id: string, name: string, kind: PlanKind, departments: Array<string>, windowStart: string, windowEnd: string, ratios: Array<{ stratum: string, ratio: number }>, draws: Array<{ id: string, sequence: number, status: DrawStatus, visitCount: number, publishedAt: string | null, superseded: boolean }> }> } };

export type PortalMattersQueryVariables = Exact<{
  code: string;
}>;


export type PortalMattersQuery = { department: { code: string, matters: { nodes: Array<{ id: string, code: string, name: string, subItem: string, legalBasis: string, implementingBody: string, objectType: string, content: string, matterClass: MatterClass, defaultRatio: number, yearlyFrequency: number }> } | null } | null };


export const PortalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Portal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"publishedMatterCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"plans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"windowStart"}},{"kind":"Field","name":{"kind":"Name","value":"windowEnd"}},{"kind":"Field","name":{"kind":"Name","value":"ratios"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stratum"}},{"kind":"Field","name":{"kind":"Name","value":"ratio"}}]}},{"kind":"Field","name":{"kind":"Name","value":"draws"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visitCount"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"superseded"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalQuery, PortalQueryVariables>;
export const PortalMattersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalMatters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"department"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"matters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PUBLISHED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subItem"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"implementingBody"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"matterClass"}},{"kind":"Field","name":{"kind":"Name","value":"defaultRatio"}},{"kind":"Field","name":{"kind":"Name","value":"yearlyFrequency"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalMattersQuery, PortalMattersQueryVariables>;