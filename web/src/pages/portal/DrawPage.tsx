import { useQuery } from "@apollo/client/react";
import { Alert, Button, Card, Descriptions, Space, Table, Typography } from "antd";
import { Link, useParams } from "react-router";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { DRAW_STATUS, STRATUM } from "../../lib/labels";

const DRAW = graphql(`
  query PublicDraw($id: ID!) {
    draw(id: $id) {
      id
      sequence
      status
      publishedAt
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
      strata {
        stratum
        poolSize
        target
        drawn
      }
      doorKnocks {
        visits
        saved
      }
      visits(first: 500) {
        nodes {
          id
          rank
          ticket
          uscc
          departments
        }
      }
    }
  }
`);

/** One draw as the public sees it: digests published at freeze, ceremony values, seed and the list drawn. */
export default function DrawPage() {
  const { id = "" } = useParams();
  const { data, loading, error } = useQuery(DRAW, { variables: { id } });
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  const d = data?.draw;
  if (!loading && !d) return <Alert type="warning" showIcon message={`没有编号为 ${id} 的摇号，或尚未公开`} />;
  return (
    <Card loading={loading}>
      {d && (
        <>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {d.plan.name} · 第 {d.sequence} 次摇号
          </Typography.Title>
          <Space style={{ marginBottom: 16 }} wrap>
            <Link to={`/verify?draw=${d.id}`}>
              <Button type="primary">在浏览器中验证</Button>
            </Link>
            <a href={`/draws/${d.id}/record.json`} download>
              <Button>下载摇号记录</Button>
            </a>
            <Link to={`/hall/${d.id}`}>
              <Button>摇号大厅</Button>
            </Link>
          </Space>
          <Descriptions bordered size="small" column={1} styles={{ content: { wordBreak: "break-all" } }}>
            <Descriptions.Item label="状态">{DRAW_STATUS[d.status] ?? d.status}</Descriptions.Item>
            <Descriptions.Item label="部门">{d.plan.departments.join("、")}</Descriptions.Item>
            <Descriptions.Item label="候选名录摘要（SHA-256）">{d.digests?.candidates ?? "尚未冻结"}</Descriptions.Item>
            <Descriptions.Item label="检查人员名录摘要">{d.digests?.inspectors ?? "尚未冻结"}</Descriptions.Item>
            <Descriptions.Item label="候选主体 / 检查人员">
              {d.counts ? `${d.counts.candidates} 户 / ${d.counts.inspectors} 人` : "—"}
            </Descriptions.Item>
            <Descriptions.Item label="现场随机值">{d.ceremonyValues?.join("、") || "尚未录入"}</Descriptions.Item>
            <Descriptions.Item label="种子">{d.seed ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="上门次数（节省）">{`${d.doorKnocks.visits} 次（少上门 ${d.doorKnocks.saved} 次）`}</Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 16 }}
            rowKey="stratum"
            size="small"
            pagination={false}
            dataSource={d.strata}
            columns={[
              { title: "分层", dataIndex: "stratum", render: (s: string) => STRATUM[s] ?? s },
              { title: "候选数", dataIndex: "poolSize" },
              { title: "应抽数", dataIndex: "target" },
              { title: "已抽数", dataIndex: "drawn" },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
            抽中名单
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            dataSource={d.visits.nodes}
            scroll={{ x: 700 }}
            columns={[
              { title: "序号", dataIndex: "rank", width: 70 },
              { title: "统一社会信用代码", dataIndex: "uscc" },
              { title: "随机号", dataIndex: "ticket", ellipsis: true },
              { title: "部门", dataIndex: "departments", render: (ds: string[]) => ds.join("、") },
            ]}
          />
        </>
      )}
    </Card>
  );
}
