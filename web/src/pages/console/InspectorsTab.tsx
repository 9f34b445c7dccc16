import { useQuery } from "@apollo/client/react";
import { Table, Tag } from "antd";
import { graphql } from "../../gql";
import { INSPECTOR_STATUS } from "../../lib/labels";

const INSPECTORS = graphql(`
  query ConsoleInspectors($department: String!) {
    department(code: $department) {
      code
      inspectors(first: 200) {
        totalCount
        nodes {
          id
          name
          certificateNo
          categories
          region
          status
          statusHistory {
            id
            at
            fromStatus
            toStatus
            reason
          }
          conflicts {
            id
            uscc
            reason
            withdrawnAt
          }
        }
      }
      experts(first: 200) {
        nodes {
          id
          name
          organization
          expertise
        }
      }
    }
  }
`);

/** The inspector directory with each inspector's status history and declared conflicts; the experts below. */
export function InspectorsTab({ department }: { department: string }) {
  const { data, loading } = useQuery(INSPECTORS, { variables: { department } });
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.department?.inspectors?.nodes ?? []}
        scroll={{ x: 800 }}
        expandable={{
          expandedRowRender: (i) => (
            <>
              {(i.statusHistory ?? []).map((h) => (
                <div
                  key={h.id}
                >{`${h.at.slice(0, 10)} ${INSPECTOR_STATUS[h.fromStatus ?? ""] ?? "—"} → ${INSPECTOR_STATUS[h.toStatus]}：${h.reason}`}</div>
              ))}
              {(i.conflicts ?? [])
                .filter((c) => !c.withdrawnAt)
                .map((c) => (
                  <div key={c.id}>{`回避：${c.uscc}（${c.reason}）`}</div>
                ))}
            </>
          ),
        }}
        columns={[
          { title: "姓名", dataIndex: "name" },
          { title: "执法证号", dataIndex: "certificateNo" },
          { title: "执法类别", dataIndex: "categories", render: (c: string[]) => c.join("、") },
          { title: "区划", dataIndex: "region" },
          { title: "状态", dataIndex: "status", render: (s: string) => <Tag>{INSPECTOR_STATUS[s] ?? s}</Tag> },
        ]}
      />
      <h3>专家</h3>
      <Table
        rowKey="id"
        size="small"
        dataSource={data?.department?.experts?.nodes ?? []}
        columns={[
          { title: "姓名", dataIndex: "name" },
          { title: "单位", dataIndex: "organization" },
          { title: "专业", dataIndex: "expertise", render: (e: string[]) => e.join("、") },
        ]}
      />
    </>
  );
}
