import { useMutation, useQuery } from "@apollo/client/react";
import { App, Button, Input, Modal, Space, Table, Tag } from "antd";
import { useState } from "react";
import { graphql } from "../../gql";
import { apiMessage } from "../../lib/errors";
import { MATTER_CLASS, percent } from "../../lib/labels";

const MATTERS = graphql(`
  query ConsoleMatters($department: String!) {
    department(code: $department) {
      code
      matters(first: 200) {
        nodes {
          id
          code
          name
          subItem
          matterClass
          defaultRatio
          yearlyFrequency
          status
          version
          versions {
            id
            version
            status
            changeReason
          }
        }
      }
    }
  }
`);
const PUBLISH = graphql(`
  mutation ConsolePublishMatter($department: String!, $code: String!) {
    publishMatter(department: $department, code: $code) {
      id
      status
    }
  }
`);
const WITHDRAW = graphql(`
  mutation ConsoleWithdrawMatter($department: String!, $code: String!, $reason: String!) {
    withdrawMatter(department: $department, code: $code, reason: $reason) {
      id
      status
    }
  }
`);

const STATUS: Record<string, string> = { DRAFT: "草稿", PUBLISHED: "已公布", SUPERSEDED: "已被新版本取代", WITHDRAWN: "已撤回" };

/** The department's matter list: every version, publish a draft, withdraw a published matter (with a reason). */
export function MattersTab({ department }: { department: string }) {
  const { message } = App.useApp();
  const { data, loading, refetch } = useQuery(MATTERS, { variables: { department } });
  const [publish] = useMutation(PUBLISH);
  const [withdraw] = useMutation(WITHDRAW);
  const [withdrawing, setWithdrawing] = useState<string>();
  const [reason, setReason] = useState("");
  const act = async (f: () => Promise<unknown>, ok: string) => {
    try {
      await f();
      message.success(ok);
      await refetch();
    } catch (e) {
      message.error(apiMessage(e));
    }
  };
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.department?.matters?.nodes ?? []}
        scroll={{ x: 800 }}
        expandable={{
          expandedRowRender: (m) =>
            m.versions.map((v) => (
              <div key={v.id}>{`第 ${v.version} 版 · ${STATUS[v.status] ?? v.status}${v.changeReason ? ` · ${v.changeReason}` : ""}`}</div>
            )),
        }}
        columns={[
          { title: "编码", dataIndex: "code" },
          { title: "事项", render: (_, m) => `${m.name}${m.subItem ? ` · ${m.subItem}` : ""}` },
          { title: "类别", dataIndex: "matterClass", render: (c: string) => MATTER_CLASS[c] ?? c },
          { title: "比例", dataIndex: "defaultRatio", render: percent },
          { title: "版本", dataIndex: "version" },
          { title: "状态", dataIndex: "status", render: (s: string) => <Tag>{STATUS[s] ?? s}</Tag> },
          {
            title: "操作",
            render: (_, m) => (
              <Space>
                {m.status === "DRAFT" && (
                  <Button size="small" onClick={() => void act(() => publish({ variables: { department, code: m.code } }), "已公布")}>
                    公布
                  </Button>
                )}
                {m.status === "PUBLISHED" && (
                  <Button size="small" danger onClick={() => setWithdrawing(m.code)}>
                    撤回
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!withdrawing}
        title="撤回事项"
        okText="撤回"
        onCancel={() => setWithdrawing(undefined)}
        onOk={() =>
          void act(() => withdraw({ variables: { department, code: withdrawing!, reason } }), "已撤回").then(() =>
            setWithdrawing(undefined),
          )
        }
      >
        <Input.TextArea aria-label="撤回理由" placeholder="撤回理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
