import { useQuery } from "@apollo/client/react";
import { Alert, Table, Tag } from "antd";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { MATTER_CLASS, percent } from "../../lib/labels";

const MATTER_LIST = graphql(`
  query PortalMatters($code: String!) {
    department(code: $code) {
      code
      matters(status: PUBLISHED, first: 200) {
        nodes {
          id
          code
          name
          subItem
          legalBasis
          implementingBody
          objectType
          content
          matterClass
          defaultRatio
          yearlyFrequency
        }
      }
    }
  }
`);

/**
 * One department's published matter list (事项、依据、主体、对象、内容、比例、频次). Fetched per department
 * when its tab opens: every department's full list in one query is over the gateway's cost limit
 * (docs/architecture.md, query limits), and a citizen reads one department at a time.
 */
export function MatterList({ department }: { department: string }) {
  const { data, loading, error } = useQuery(MATTER_LIST, { variables: { code: department } });
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={data?.department?.matters?.nodes ?? []}
      scroll={{ x: 900 }}
      columns={[
        { title: "事项", dataIndex: "name", render: (v: string, m) => `${v}${m.subItem ? ` · ${m.subItem}` : ""}` },
        { title: "类别", dataIndex: "matterClass", render: (v: string) => <Tag>{MATTER_CLASS[v] ?? v}</Tag> },
        { title: "抽查依据", dataIndex: "legalBasis", ellipsis: true },
        { title: "抽查主体", dataIndex: "implementingBody" },
        { title: "抽查对象", dataIndex: "objectType" },
        { title: "抽查内容", dataIndex: "content", ellipsis: true },
        { title: "比例", dataIndex: "defaultRatio", render: percent },
        { title: "频次（次/年）", dataIndex: "yearlyFrequency" },
      ]}
    />
  );
}
