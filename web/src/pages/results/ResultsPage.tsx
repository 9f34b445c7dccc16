import { useApolloClient, useQuery } from "@apollo/client/react";
import { Alert, Card, Input, List, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { subjectsNamed, type SubjectMatch } from "./name-search";
import { isUscc } from "./uscc";

const RESULTS = graphql(`
  query PublishedResults($uscc: String, $planId: ID, $after: String) {
    publishedResults(uscc: $uscc, planId: $planId, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        visitId
        planId
        department
        date
        publishedAt
        late
        summary
        results {
          matterCode
          code
          label
          result
        }
        subject {
          uscc
          records {
            department
            name
          }
        }
      }
    }
  }
`);

/**
 * 抽查结果公示: the published results, per plan (`?plan=`) or per subject (`?uscc=`), no sign-in. A name is
 * matched against the subjects of the published results first (name-search.ts).
 */
export default function ResultsPage() {
  const [params, setParams] = useSearchParams();
  const uscc = params.get("uscc");
  const planId = params.get("plan");
  const [after, setAfter] = useState<string | null>(null);
  const { data, loading, error } = useQuery(RESULTS, { variables: { uscc, planId, after } });
  const client = useApolloClient();
  const [byName, setByName] = useState<{ matches?: SubjectMatch[]; error?: unknown }>();
  const search = (text: string) => {
    const t = text.trim().toUpperCase();
    setAfter(null);
    if (!t) return setParams({});
    if (isUscc(t)) return setParams({ uscc: t });
    subjectsNamed(client, text.trim()).then(
      (matches) => setByName({ matches }),
      (error: unknown) => setByName({ error }),
    );
  };
  const page = data?.publishedResults;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        抽查结果公示
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Input.Search
            aria-label="统一社会信用代码或企业名称"
            placeholder="输入统一社会信用代码（18 位）或企业名称"
            enterButton="查询"
            allowClear
            defaultValue={uscc ?? ""}
            onSearch={search}
          />
          {planId && <Typography.Text>计划 {planId} 的抽查结果</Typography.Text>}
          {uscc && <Typography.Text>统一社会信用代码 {uscc} 的抽查结果</Typography.Text>}
          {byName?.error != null && <Alert type="error" showIcon message={apiMessage(byName.error)} />}
          {byName?.matches && (
            <List
              header="名称相符、已有公示结果的市场主体"
              locale={{ emptyText: "没有名称相符的市场主体" }}
              dataSource={byName.matches}
              renderItem={(s) => (
                <List.Item>
                  <Link to={`/results?uscc=${encodeURIComponent(s.uscc)}`} onClick={() => setAfter(null)}>
                    {s.name}（{s.uscc}）
                  </Link>
                  <span>{s.address}</span>
                </List.Item>
              )}
            />
          )}
        </Space>
      </Card>
      {error ? (
        <Alert type="error" showIcon message={apiMessage(error)} />
      ) : (
        <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>已公示的检查结果（{page?.totalCount ?? 0}）</h2>}>
          <Table
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={page?.nodes ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: "暂无已公示的检查结果" }}
            columns={[
              { title: "市场主体", render: (_, r) => `${r.subject.records[0]?.name ?? ""}（${r.subject.uscc}）` },
              { title: "检查部门", dataIndex: "department" },
              { title: "检查日期", dataIndex: "date" },
              {
                title: "检查结果",
                render: (_, r) =>
                  r.results.map((m) => (
                    <div key={m.matterCode}>
                      {m.matterCode}：{m.code} {m.label}
                    </div>
                  )),
              },
              { title: "评价", dataIndex: "summary", ellipsis: true },
              {
                title: "公示",
                render: (_, r) => (
                  <>
                    {new Date(r.publishedAt).toLocaleDateString("zh-CN")} {r.late && <Tag color="red">超期公示</Tag>}
                  </>
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            {after && <Typography.Link onClick={() => setAfter(null)}>第一页</Typography.Link>}
            {page?.pageInfo.hasNextPage && (
              <Typography.Link onClick={() => setAfter(page.pageInfo.endCursor ?? null)}>下一页</Typography.Link>
            )}
          </Space>
        </Card>
      )}
    </>
  );
}
