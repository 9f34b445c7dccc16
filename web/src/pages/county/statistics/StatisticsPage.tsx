import { useQuery } from "@apollo/client/react";
import { Alert, Card, Col, InputNumber, Row, Space, Statistic, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { graphql } from "../../../gql";
import { apiMessage } from "../../../lib/errors";
import { FigureChart } from "./StatisticsChart";

const STATISTICS = graphql(`
  query CountyStatistics($year: Int!) {
    countyStatistics(year: $year) {
      year
      asOf
      doorKnocksSaved
      departments {
        department
        name
        kind
        matterShare {
          randomMatters
          declaredTotal
          share
          target
          met
        }
        plans {
          plans
          completed
        }
        reports {
          reports
          submitted
          submittedOnTime
          overdue
          published
          publishedInTime
        }
        problemsByStratum {
          key
          findings
          problems
        }
        workload {
          inspectors
          min
          median
          max
        }
        unplanned {
          total
          flagged
        }
        referrals {
          open
          closed
          unanswered
          overdue
          overdueRectifications
        }
      }
    }
  }
`);

const STRATA = ["FLAGGED", "D", "C", "B", "A", "UNPLANNED"];
const STRATUM_LABEL: Record<string, string> = { FLAGGED: "重点关注", UNPLANNED: "计划外" };
const rate = (n: number, of: number) => (of ? n / of : null);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Math.round(v * 100)}%`);

/**
 * 考核指标 (docs/statistics.md): each department's random-inspection share against 70 % / 50 %, reports on time,
 * publication within 20 working days, problems per stratum and inspector workload, for one year.
 */
export default function StatisticsPage() {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, loading, error } = useQuery(STATISTICS, { variables: { year } });
  const departments = useMemo(() => data?.countyStatistics.departments ?? [], [data]);
  const names = useMemo(() => departments.map((d) => d.name), [departments]);
  const share = useMemo(
    () => [
      {
        name: "随机抽查事项占比",
        data: departments.map((d) => d.matterShare?.share ?? null),
        targets: departments.map((d) => d.matterShare?.target ?? (d.kind === "MARKET_SUPERVISION" ? 0.7 : 0.5)),
      },
    ],
    [departments],
  );
  const timeliness = useMemo(
    () => [
      { name: "报告按时提交", data: departments.map((d) => rate(d.reports.submittedOnTime, d.reports.reports)) },
      { name: "20 个工作日内公示", data: departments.map((d) => rate(d.reports.publishedInTime, d.reports.reports)) },
    ],
    [departments],
  );
  const problems = useMemo(
    () =>
      STRATA.map((s) => ({
        name: STRATUM_LABEL[s] ?? `${s} 类`,
        data: departments.map((d) => d.problemsByStratum.find((p) => p.key === s)?.problems ?? 0),
      })),
    [departments],
  );
  const workload = useMemo(
    () => [
      { name: "最少", data: departments.map((d) => d.workload.min) },
      { name: "中位数", data: departments.map((d) => d.workload.median) },
      { name: "最多", data: departments.map((d) => d.workload.max) },
    ],
    [departments],
  );
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  const card = (title: string, children: React.ReactNode) => (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} loading={loading} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
  return (
    <>
      <Space align="baseline" style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          考核指标
        </Typography.Title>
        <label>
          年度{" "}
          <InputNumber aria-label="年度" min={2015} max={new Date().getFullYear() + 1} value={year} onChange={(v) => v && setYear(v)} />
        </label>
        {data && <Typography.Text type="secondary">逾期按 {data.countyStatistics.asOf}（北京时间）计</Typography.Text>}
      </Space>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="联合抽查少上门（次）" value={data?.countyStatistics.doorKnocksSaved ?? 0} loading={loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="计划外检查（其中标记）"
              value={`${departments.reduce((n, d) => n + d.unplanned.total, 0)}（${departments.reduce((n, d) => n + d.unplanned.flagged, 0)}）`}
              loading={loading}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="办理中的移送" value={departments.reduce((n, d) => n + d.referrals.open, 0)} loading={loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="逾期未答复的移送" value={departments.reduce((n, d) => n + d.referrals.overdue, 0)} loading={loading} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title="逾期未复查的整改"
              value={departments.reduce((n, d) => n + d.referrals.overdueRectifications, 0)}
              loading={loading}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          {card(
            "随机抽查事项占比与目标（市场监管 70%，其他 50%）",
            <FigureChart categories={names} series={share} percent label="各部门随机抽查事项占检查事项总数的比例，虚线为目标" />,
          )}
        </Col>
        <Col xs={24} lg={12}>
          {card(
            "报告按时提交与 20 个工作日内公示",
            <FigureChart categories={names} series={timeliness} percent label="各部门按时提交报告与按时公示的比例" />,
          )}
        </Col>
        <Col xs={24} lg={12}>
          {card("按风险分层的发现问题", <FigureChart categories={names} series={problems} label="各部门按风险分层发现问题的数量" />)}
        </Col>
        <Col xs={24} lg={12}>
          {card(
            "执法人员工作量（户次/人）",
            <FigureChart categories={names} series={workload} label="各部门执法人员检查户次的最少、中位数、最多" />,
          )}
        </Col>
      </Row>
      {card(
        "各部门指标",
        <Table
          rowKey="department"
          size="small"
          pagination={false}
          dataSource={departments}
          scroll={{ x: 900 }}
          columns={[
            { title: "部门", dataIndex: "name" },
            {
              title: "事项占比",
              render: (_, d) =>
                d.matterShare
                  ? `${pct(d.matterShare.share)} / ${pct(d.matterShare.target)}${d.matterShare.met === false ? "（未达标）" : ""}`
                  : "部门服务不可用",
            },
            { title: "计划完成", render: (_, d) => `${d.plans.completed}/${d.plans.plans}` },
            { title: "报告按时", render: (_, d) => `${d.reports.submittedOnTime}/${d.reports.reports}` },
            { title: "逾期未交", render: (_, d) => d.reports.overdue },
            { title: "按时公示", render: (_, d) => `${d.reports.publishedInTime}/${d.reports.reports}` },
            { title: "移送 办理中/办结", render: (_, d) => `${d.referrals.open}/${d.referrals.closed}` },
            { title: "移送逾期未答复", render: (_, d) => d.referrals.overdue },
          ]}
        />,
      )}
    </>
  );
}
