import { useQuery } from "@apollo/client/react";
import { Button, Card, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { graphql } from "../../gql";
import type { RiskClass } from "../../gql/graphql";
import { ImportCsv } from "./ImportCsv";

const SUBJECTS = graphql(`
  query ConsoleSubjects($department: String!, $filter: SubjectFilter, $after: String) {
    department(code: $department) {
      code
      subjects(first: 50, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          uscc
          name
          category
          region
          riskClass
          abnormalList
          dishonest
          seriousViolation
        }
      }
    }
  }
`);

/** The department's subject directory: filter by risk class and flags, import from CSV. */
export function SubjectsTab({ department }: { department: string }) {
  const [riskClasses, setRiskClasses] = useState<RiskClass[]>([]);
  const { data, loading, refetch, fetchMore } = useQuery(SUBJECTS, {
    variables: { department, filter: riskClasses.length ? { riskClasses } : undefined },
  });
  const page = data?.department?.subjects;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Card size="small" title="导入名录">
        <ImportCsv department={department} onImported={() => void refetch()} />
      </Card>
      <Space>
        <Select<RiskClass[]>
          mode="multiple"
          aria-label="风险分类"
          placeholder="按风险分类筛选"
          style={{ minWidth: 220 }}
          value={riskClasses}
          onChange={setRiskClasses}
          options={["A", "B", "C", "D"].map((r) => ({ value: r as RiskClass, label: `${r} 类` }))}
        />
        <span>共 {page?.totalCount ?? 0} 户</span>
      </Space>
      <Table
        rowKey="uscc"
        size="small"
        loading={loading}
        dataSource={page?.nodes ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: "统一社会信用代码", dataIndex: "uscc" },
          { title: "名称", dataIndex: "name" },
          { title: "行业", dataIndex: "category" },
          { title: "区划", dataIndex: "region" },
          { title: "风险", dataIndex: "riskClass" },
          {
            title: "标记",
            render: (_, s) => (
              <>
                {s.abnormalList && <Tag>经营异常</Tag>}
                {s.dishonest && <Tag>失信</Tag>}
                {s.seriousViolation && <Tag>严重违法失信</Tag>}
              </>
            ),
          },
        ]}
      />
      {page?.pageInfo.hasNextPage && (
        <Button
          onClick={() =>
            void fetchMore({
              variables: { after: page.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => {
                const a = prev.department?.subjects;
                const b = fetchMoreResult.department?.subjects;
                if (!a || !b || !prev.department) return prev;
                return { ...prev, department: { ...prev.department, subjects: { ...b, nodes: [...a.nodes, ...b.nodes] } } };
              },
            })
          }
        >
          加载更多
        </Button>
      )}
    </Space>
  );
}
