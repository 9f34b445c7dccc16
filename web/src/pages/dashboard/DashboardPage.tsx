import { useQuery } from "@apollo/client/react";
import { Alert, Button, Card, Col, Row, Statistic, Table, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { DRAW_STATUS, INSPECTOR_STATUS } from "../../lib/labels";
import { BarChartView } from "./Chart";

const DASHBOARD = graphql(`
  query Dashboard {
    departments(first: 50) {
      nodes {
        code
        name
        kind
        publishedMatterCount
        subjectCountsByRiskClass {
          riskClass
          count
        }
        inspectorCountsByStatus {
          status
          count
        }
      }
    }
    plans(first: 100) {
      nodes {
        id
        name
        kind
        departments
        draws {
          id
          sequence
          status
          visitCount
          doorKnocks {
            visits
            saved
          }
        }
      }
    }
  }
`);

const RISK = ["A", "B", "C", "D"];
const STATUSES = ["ACTIVE", "SUSPENDED", "TRANSFERRED"];

/**
 * The county's dashboard: every department's books at a glance, plans and draws, door-knocks saved by
 * joint visits. The assessment figures (share vs 70 %/50 %, reports on time…) join when the statistics API exists.
 */
export default function DashboardPage() {
  const { data, loading, error } = useQuery(DASHBOARD);
  const departments = useMemo(() => data?.departments.nodes ?? [], [data]);
  const risk = useMemo(
    () =>
      RISK.map((r) => ({
        name: `${r} 类`,
        data: departments.map((d) => d.subjectCountsByRiskClass?.find((x) => x.riskClass === r)?.count ?? 0),
      })),
    [departments],
  );
  const inspectors = useMemo(
    () =>
      STATUSES.map((s) => ({
        name: INSPECTOR_STATUS[s]!,
        data: departments.map((d) => d.inspectorCountsByStatus?.find((x) => x.status === s)?.count ?? 0),
      })),
    [departments],
  );
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  const draws = (data?.plans.nodes ?? []).flatMap((p) => p.draws.map((d) => ({ ...d, plan: p.name, planKind: p.kind })));
  const saved = draws.filter((d) => d.status === "PUBLISHED" || d.status === "DRAWN").reduce((n, d) => n + d.doorKnocks.saved, 0);
  const names = departments.map((d) => d.name);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        县区看板
      </Typography.Title>
      <Link to="/statistics">考核指标（事项占比、报告按时、按时公示、发现问题、工作量）</Link>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="部门" value={departments.length} loading={loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="已公布事项" value={departments.reduce((n, d) => n + (d.publishedMatterCount ?? 0), 0)} loading={loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="摇号" value={draws.length} loading={loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="联合抽查少上门（次）" value={saved} loading={loading} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>市场主体信用风险分类</h2>} loading={loading}>
            <BarChartView categories={names} series={risk} label="各部门市场主体按风险分类的数量" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>执法检查人员状态</h2>} loading={loading}>
            <BarChartView categories={names} series={inspectors} label="各部门检查人员按状态的数量" />
          </Card>
        </Col>
      </Row>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>抽查计划与摇号</h2>}
        style={{ marginTop: 16 }}
        extra={
          <Link to="/plans/new">
            <Button type="primary">新建联合抽查计划</Button>
          </Link>
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={draws}
          scroll={{ x: 700 }}
          columns={[
            { title: "计划", dataIndex: "plan" },
            { title: "次序", dataIndex: "sequence" },
            { title: "状态", dataIndex: "status", render: (s: string) => DRAW_STATUS[s] ?? s },
            { title: "检查户数", dataIndex: "visitCount" },
            { title: "少上门", render: (_, d) => d.doorKnocks.saved },
            { title: "", render: (_, d) => <Link to={`/hall/${d.id}`}>摇号大厅</Link> },
          ]}
        />
      </Card>
    </>
  );
}
