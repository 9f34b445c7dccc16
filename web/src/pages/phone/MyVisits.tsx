import { useQuery } from "@apollo/client/react";
import { Alert, Card, Empty, Spin, Tag, Typography } from "antd";
import { graphql } from "../../gql";
import { useSession } from "../../auth/useSession";
import { apiMessage } from "../../lib/errors";
import { VISIT_STATUS } from "../../lib/labels";
import { Link } from "react-router";

const MY_VISITS = graphql(`
  query MyVisits($department: String!, $id: ID!) {
    inspector(department: $department, id: $id) {
      id
      name
      visits(first: 100) {
        nodes {
          id
          status
          uscc
          draw {
            id
            plan {
              name
              windowStart
              windowEnd
            }
          }
          subject {
            records {
              name
              address
            }
          }
          teams {
            department
            matters {
              id
              name
            }
            inspectors {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/**
 * The inspector's phone view (390 px wide): the visits assigned to me, with the address, the matters of
 * every department and my team; each opens its page to start, record findings and photos, end and report.
 */
export default function MyVisits() {
  const session = useSession();
  const { data, loading, error } = useQuery(MY_VISITS, {
    variables: { department: session?.department ?? "", id: session?.inspectorId ?? "" },
  });
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  const visits = data?.inspector?.visits?.nodes ?? [];
  return (
    <div style={{ maxWidth: 480, margin: "0 auto" }}>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        我的检查任务
      </Typography.Title>
      {!loading && !visits.length && <Empty description="暂无分配给您的检查任务" />}
      {loading && <Spin />}
      {visits.map((v) => {
        const record = v.subject.records[0];
        return (
          <Card
            key={v.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={record?.name ?? v.uscc}
            extra={<Tag>{VISIT_STATUS[v.status] ?? v.status}</Tag>}
          >
            <div>{record?.address}</div>
            <Link to={`/my/visits/${v.id}`}>{v.status === "SCHEDULED" ? "开始检查" : "查看与录入"}</Link>
            <div style={{ color: "#555" }}>
              {v.draw ? `${v.draw.plan.name}（${v.draw.plan.windowStart} 至 ${v.draw.plan.windowEnd}）` : "计划外检查"}
            </div>
            {v.teams.map((t) => (
              <div key={t.department} style={{ marginTop: 6 }}>
                <strong>{t.department}</strong>：{t.matters.map((m) => m.name).join("、")}
                <div>检查人员：{t.inspectors.map((i) => i.name).join("、")}</div>
              </div>
            ))}
          </Card>
        );
      })}
    </div>
  );
}
