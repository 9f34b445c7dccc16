import { useQuery } from "@apollo/client/react";
import { Alert, Card, Input, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { isUscc } from "./uscc";

const RESULTS = graphql(`
  query PublishedResults($uscc: String, $planId: ID, $name: String, $after: String) {
    publishedResults(uscc: $uscc, planId: $planId, name: $name, first: 50, after: $after) {
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
        subjectName
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
 * 抽查结果公示: the published results, per plan (`?plan=`) or per subject, by USCC (`?uscc=`) or by a part of its
 * name as drawn (`?name=`, matched by the server, paged like the others; docs/web.md).
 */
export default function ResultsPage() {
  const [params, setParams] = useSearchParams();
  const uscc = params.get("uscc");
  const planId = params.get("plan");
  const name = params.get("name");
  const [after, setAfter] = useState<string | null>(null);
  const { data, loading, error } = useQuery(RESULTS, { variables: { uscc, planId, name, after } });
  const search = (text: string) => {
    const t = text.trim();
    setAfter(null);
    if (!t) return setParams({});
    if (isUscc(t.toUpperCase())) return setParams({ uscc: t.toUpperCase() });
    setParams({ name: t });
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
            defaultValue={uscc ?? name ?? ""}
            onSearch={search}
          />
          {planId && <Typography.Text>计划 {planId} 的抽查结果</Typography.Text>}
          {uscc && <Typography.Text>统一社会信用代码 {uscc} 的抽查结果</Typography.Text>}
          {name && <Typography.Text>名称包含「{name}」的市场主体的抽查结果</Typography.Text>}
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
              { title: "市场主体", render: (_, r) => `${r.subjectName ?? r.subject.records[0]?.name ?? ""}（${r.subject.uscc}）` },
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
