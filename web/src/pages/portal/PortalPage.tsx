import { useQuery } from "@apollo/client/react";
import { Alert, Card, Table, Tabs, Typography } from "antd";
import { Link } from "react-router";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { DRAW_STATUS, percent } from "../../lib/labels";
import { MatterList } from "./MatterList";

const PORTAL = graphql(`
  query Portal {
    departments(first: 50) {
      nodes {
        code
        name
        publishedMatterCount
      }
    }
    plans(first: 100) {
      nodes {
        id
        name
        kind
        departments
        windowStart
        windowEnd
        ratios {
          stratum
          ratio
        }
        draws {
          id
          sequence
          status
          visitCount
          publishedAt
          superseded
        }
      }
    }
  }
`);

/** 一公开: what every department has published, the plans and their draws; no sign-in. */
export function PortalPage() {
  const { data, loading, error } = useQuery(PORTAL);
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  const departments = data?.departments.nodes ?? [];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        “双随机、一公开”信息公开
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>随机抽查事项清单</h2>} loading={loading} style={{ marginBottom: 16 }}>
        <Tabs
          items={departments.map((d) => ({
            key: d.code,
            label: `${d.name}（${d.publishedMatterCount ?? 0}）`,
            children: <MatterList department={d.code} />,
          }))}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>抽查计划与摇号</h2>} loading={loading}>
        <Table
          rowKey="id"
          size="small"
          dataSource={data?.plans.nodes ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 800 }}
          columns={[
            { title: "计划", dataIndex: "name", render: (n: string, p) => <Link to={`/results?plan=${p.id}`}>{n}</Link> },
            { title: "类型", dataIndex: "kind", render: (k: string) => (k === "JOINT" ? "联合抽查" : "部门抽查") },
            { title: "部门", dataIndex: "departments", render: (ds: string[]) => ds.join("、") },
            { title: "时间窗", render: (_, p) => `${p.windowStart} 至 ${p.windowEnd}` },
            { title: "比例", render: (_, p) => p.ratios.map((r) => `${r.stratum} ${percent(r.ratio)}`).join(" / ") },
            {
              title: "摇号",
              render: (_, p) =>
                p.draws.map((d) => (
                  <div key={d.id}>
                    <Link to={`/draws/${d.id}`}>
                      第 {d.sequence} 次 · {DRAW_STATUS[d.status] ?? d.status}
                      {d.status === "PUBLISHED" ? ` · ${d.visitCount} 户` : ""}
                    </Link>
                  </div>
                )),
            },
          ]}
        />
      </Card>
    </>
  );
}
