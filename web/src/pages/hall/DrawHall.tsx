import { useApolloClient, useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { App, Button, Card, Descriptions, Form, Input, Space, Statistic, Steps, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useParams } from "react-router";
import { graphql } from "../../gql";
import { useSession } from "../../auth/useSession";
import { apiMessage } from "../../lib/errors";
import { DRAW_STATUS } from "../../lib/labels";
import { useFrameBatch } from "./use-frame-batch";
import { mergeByRank } from "./visit-batch";
import { VisitRows, type HallVisit } from "./VisitRows";

const HALL = graphql(`
  query Hall($id: ID!) {
    draw(id: $id) {
      id
      sequence
      status
      plan {
        id
        name
        departments
      }
      digests {
        candidates
        inspectors
        experts
      }
      counts {
        candidates
        inspectors
        experts
      }
      ceremonyValues
      seed
      visitCount
    }
  }
`);

const HALL_VISITS = graphql(`
  query HallVisits($id: ID!, $after: String) {
    draw(id: $id) {
      id
      visits(first: 1000, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...HallVisit
        }
      }
    }
  }
`);

graphql(`
  fragment HallVisit on Visit {
    id
    rank
    uscc
    subject {
      records {
        name
      }
    }
    teams {
      department
      matters {
        name
      }
      inspectors {
        name
      }
    }
  }
`);

const DRAW_EVENTS = graphql(`
  subscription HallDrawEvents($planId: ID) {
    drawChanged(planId: $planId) {
      kind
      draw {
        id
        status
        visitCount
        seed
        ceremonyValues
      }
    }
  }
`);

const VISIT_EVENTS = graphql(`
  subscription HallVisitEvents {
    visitChanged {
      kind
      visit {
        draw {
          id
        }
        ...HallVisit
      }
    }
  }
`);

const FREEZE = graphql(`
  mutation HallFreeze($id: ID!) {
    freezeDraw(drawId: $id) {
      id
      status
    }
  }
`);
const CEREMONY = graphql(`
  mutation HallCeremony($id: ID!, $values: [String!]!) {
    enterCeremonyValues(drawId: $id, values: $values) {
      id
      status
      seed
      ceremonyValues
    }
  }
`);
const EXECUTE = graphql(`
  mutation HallExecute($id: ID!) {
    executeDraw(drawId: $id) {
      id
      status
      visitCount
    }
  }
`);
const PUBLISH = graphql(`
  mutation HallPublish($id: ID!) {
    publishDraw(drawId: $id) {
      id
      status
    }
  }
`);

type VisitData = {
  id: string;
  rank: number;
  uscc: string;
  subject: { records: { name: string }[] };
  teams: { department: string; matters: { name: string }[]; inspectors: { name: string }[] }[];
};
const toRow = (v: VisitData): HallVisit => ({
  id: v.id,
  rank: v.rank,
  uscc: v.uscc,
  name: v.subject.records[0]?.name ?? "",
  teams: v.teams.map((t) => ({
    department: t.department,
    matters: t.matters.map((m) => m.name),
    inspectors: t.inspectors.map((i) => i.name),
  })),
});

const STEPS = ["CREATED", "FROZEN", "SEEDED", "DRAWN", "PUBLISHED"];

/**
 * 摇号大厅: the public hall's screen. The coordinator freezes, enters the ceremony value, draws and
 * publishes; anyone watching (no sign-in) sees each step and the drawn visits arrive live.
 */
export default function DrawHall() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const session = useSession();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(HALL, { variables: { id } });
  const [rows, setRows] = useState<HallVisit[]>([]);
  // One state update per animation frame, however many visit events arrived in it.
  const addVisit = useFrameBatch<HallVisit>((batch) => setRows((r) => mergeByRank(r, batch)));
  const [form] = Form.useForm<{ value: string }>();
  const draw = data?.draw;
  // Staff see the controls; the gateway decides who may act (a refusal shows its message).
  const canRun = !!session && session.role !== "inspector";

  const loadVisits = useMemo(
    () => async () => {
      const all: HallVisit[] = [];
      let after: string | null | undefined;
      for (;;) {
        const r = await client.query({ query: HALL_VISITS, variables: { id, after }, fetchPolicy: "network-only" });
        const page = r.data?.draw?.visits;
        if (!page) break;
        for (const v of page.nodes) all.push(toRow(v as VisitData));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      setRows((r) => mergeByRank(r, all));
    },
    [client, id],
  );

  useEffect(() => {
    if (draw && (draw.status === "DRAWN" || draw.status === "PUBLISHED")) void loadVisits().catch(() => undefined);
  }, [draw?.status, loadVisits]);

  useSubscription(DRAW_EVENTS, {
    // Before the draw is public (the public sees only published draws) listen to every draw, to show it when it is.
    variables: { planId: draw?.plan.id ?? null },
    onData: ({ data: d }) => {
      if (d.data?.drawChanged.draw?.id === id) void refetch();
    },
  });
  useSubscription(VISIT_EVENTS, {
    skip: !draw,
    // Thousands of events: no cache writes and no re-render per event (the hook's own result is not used);
    // the rows are updated once per frame.
    fetchPolicy: "no-cache",
    ignoreResults: true,
    onData: ({ data: d }) => {
      const v = d.data?.visitChanged.visit;
      if (v && v.draw?.id === id) addVisit(toRow(v as VisitData));
    },
  });

  const [freeze, freezing] = useMutation(FREEZE);
  const [ceremony, entering] = useMutation(CEREMONY);
  const [execute, executing] = useMutation(EXECUTE);
  const [publish, publishing] = useMutation(PUBLISH);
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      await refetch();
    } catch (e) {
      message.error(apiMessage(e));
    }
  };

  if (error) return <Card>{apiMessage(error)}</Card>;
  if (data && !data.draw) return <Card data-testid="hall-status">没有这个摇号，或尚未公布（公布后将自动显示）。</Card>;
  if (!draw) return <Card loading />;
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        摇号大厅 · {draw.plan.name}（第 {draw.sequence} 次）
      </Typography.Title>
      <Steps
        current={Math.max(0, STEPS.indexOf(draw.status))}
        items={STEPS.map((s) => ({ title: DRAW_STATUS[s] }))}
        style={{ marginBottom: 16 }}
        responsive
      />
      <Typography.Paragraph data-testid="hall-status" aria-live="polite">
        当前状态：{DRAW_STATUS[draw.status] ?? draw.status}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={1} styles={{ content: { wordBreak: "break-all" } }}>
        <Descriptions.Item label="候选主体 / 检查人员 / 专家">
          {draw.counts ? `${draw.counts.candidates} / ${draw.counts.inspectors} / ${draw.counts.experts}` : "尚未冻结"}
        </Descriptions.Item>
        <Descriptions.Item label="候选名录摘要">{draw.digests?.candidates ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="检查人员名录摘要">{draw.digests?.inspectors ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="现场随机值">{draw.ceremonyValues?.join("、") || "—"}</Descriptions.Item>
        <Descriptions.Item label="种子">{draw.seed ?? "—"}</Descriptions.Item>
      </Descriptions>
      {canRun && (
        <Space wrap style={{ margin: "16px 0" }}>
          {draw.status === "CREATED" && (
            <Button
              type="primary"
              loading={freezing.loading}
              onClick={() => void run(() => freeze({ variables: { id } }), "名录已冻结，摘要已公布")}
            >
              冻结名录
            </Button>
          )}
          {draw.status === "FROZEN" && (
            <Form
              form={form}
              layout="inline"
              onFinish={({ value }) =>
                void run(() => ceremony({ variables: { id, values: [value.trim()] } }), "现场随机值已录入，种子已生成")
              }
            >
              <Form.Item
                name="value"
                label="现场随机值"
                rules={[{ required: true, whitespace: true, message: "请填写现场随机值（如当期福利彩票开奖号码或现场掷骰结果）" }]}
              >
                <Input style={{ width: 240 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={entering.loading}>
                录入并生成种子
              </Button>
            </Form>
          )}
          {draw.status === "SEEDED" && (
            <Button type="primary" loading={executing.loading} onClick={() => void run(() => execute({ variables: { id } }), "摇号完成")}>
              开始摇号
            </Button>
          )}
          {draw.status === "DRAWN" && (
            <Button
              type="primary"
              loading={publishing.loading}
              onClick={() => void run(() => publish({ variables: { id } }), "结果已公布")}
            >
              公布结果
            </Button>
          )}
        </Space>
      )}
      <Statistic title="已抽中" value={rows.length} suffix="户" style={{ margin: "16px 0" }} />
      <VisitRows visits={rows} />
    </Card>
  );
}
