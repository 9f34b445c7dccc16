import { useQuery } from "@apollo/client/react";
import { Alert, Card, Tabs, Typography } from "antd";
import { Link } from "react-router";
import { PortalDocument } from "./portal.generated";
import { apiMessage } from "../../lib/errors";
import { PlainTable } from "../../lib/PlainTable";
import { DRAW_STATUS, percent } from "../../lib/labels";
import { MatterList } from "./MatterList";

/** 一公开: what every department has published, the plans and their draws; no sign-in. */
export function PortalPage() {
  const { data, loading, error } = useQuery(PortalDocument);
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
        <PlainTable
          label="抽查计划与摇号"
          rowKey={(p) => p.id}
          rows={data?.plans.nodes ?? []}
          columns={[
            { title: "计划", render: (p) => <Link to={`/results?plan=${p.id}`}>{p.name}</Link> },
            { title: "类型", render: (p) => (p.kind === "JOINT" ? "联合抽查" : "部门抽查") },
            { title: "部门", render: (p) => p.departments.join("、") },
            { title: "时间窗", render: (p) => `${p.windowStart} 至 ${p.windowEnd}` },
            { title: "比例", render: (p) => p.ratios.map((r) => `${r.stratum} ${percent(r.ratio)}`).join(" / ") },
            {
              title: "摇号",
              render: (p) =>
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
