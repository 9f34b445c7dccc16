import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { graphql } from "../../gql";
import { useSession } from "../../auth/useSession";
import { apiMessage } from "../../lib/errors";
import { REPORT_STATUS } from "../../lib/labels";

const REVIEW_QUEUE = graphql(`
  query ReviewQueue($department: String!) {
    department(code: $department) {
      code
      visits(first: 200) {
        nodes {
          id
          uscc
          subject {
            records {
              name
            }
          }
          reports {
            id
            department
            status
            dueDate
            late
            publishDueDate
            inspectionTime
            findings
            evaluation
            handling
            submittedBy
            returnReason
          }
        }
      }
    }
  }
`);

const REVIEW = graphql(`
  mutation ReviewReport($visitId: ID!, $department: String!, $approve: Boolean!, $reason: String) {
    reviewReport(visitId: $visitId, department: $department, approve: $approve, reason: $reason) {
      id
      status
    }
  }
`);

const PUBLISH = graphql(`
  mutation PublishReviewedReport($visitId: ID!, $department: String!) {
    publishReport(visitId: $visitId, department: $department) {
      id
      status
    }
  }
`);

/**
 * 报告审核 (department admin): my department's submitted reports to approve or return with a reason, and the
 * approved ones to publish (docs/inspection.md, "Reports, due dates, review, publication"). The author can
 * never review their own report: the API refuses it, and this page shows its message.
 */
export default function ReviewPage() {
  const session = useSession();
  const department = session?.department ?? "";
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(REVIEW_QUEUE, { variables: { department } });
  const [review] = useMutation(REVIEW);
  const [publish] = useMutation(PUBLISH);
  const [returning, setReturning] = useState<{ visitId: string; reason: string }>();
  const act = async (f: () => Promise<unknown>, done: string) => {
    try {
      await f();
      message.success(done);
      await refetch();
      return true;
    } catch (e) {
      message.error(apiMessage(e));
      return false;
    }
  };
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  if (loading) return <Spin />;
  const items = (data?.department?.visits.nodes ?? []).flatMap((v) =>
    v.reports
      .filter((r) => r.department === department && (r.status === "REPORTED" || r.status === "REVIEWED"))
      .map((r) => ({ visit: v, report: r })),
  );
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        报告审核与公示
      </Typography.Title>
      {!items.length && <Empty description="暂无待审核或待公示的报告" />}
      {items.map(({ visit, report }) => (
        <Card
          key={report.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${visit.subject.records[0]?.name ?? visit.uscc}（检查 ${visit.id}）`}
          extra={<Tag>{REPORT_STATUS[report.status]}</Tag>}
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="检查时间">{report.inspectionTime}</Descriptions.Item>
            <Descriptions.Item label="检查结果">{report.findings}</Descriptions.Item>
            <Descriptions.Item label="评价">{report.evaluation}</Descriptions.Item>
            <Descriptions.Item label="处理意见">{report.handling}</Descriptions.Item>
            <Descriptions.Item label="报告人">{report.submittedBy}</Descriptions.Item>
            <Descriptions.Item label="截止日期">
              {report.dueDate} {report.late && <Tag color="red">逾期</Tag>}（公示截止 {report.publishDueDate}）
            </Descriptions.Item>
          </Descriptions>
          <Space>
            {report.status === "REPORTED" && (
              <>
                <Button
                  type="primary"
                  onClick={() => void act(() => review({ variables: { visitId: visit.id, department, approve: true } }), "报告已审定通过")}
                >
                  审定通过
                </Button>
                <Button onClick={() => setReturning({ visitId: visit.id, reason: "" })}>退回</Button>
              </>
            )}
            {report.status === "REVIEWED" && (
              <Button
                type="primary"
                onClick={() => void act(() => publish({ variables: { visitId: visit.id, department } }), "结果已公示")}
              >
                公示结果
              </Button>
            )}
          </Space>
        </Card>
      ))}
      <Modal
        open={!!returning}
        title="退回报告"
        okText="退回"
        onCancel={() => setReturning(undefined)}
        onOk={async () => {
          if (!returning?.reason.trim()) return void message.error("请填写退回理由");
          const ok = await act(
            () => review({ variables: { visitId: returning.visitId, department, approve: false, reason: returning.reason.trim() } }),
            "报告已退回",
          );
          if (ok) setReturning(undefined);
        }}
      >
        <Input.TextArea
          aria-label="退回理由"
          placeholder="退回理由（必填）"
          value={returning?.reason}
          onChange={(e) => returning && setReturning({ ...returning, reason: e.target.value })}
        />
      </Modal>
    </>
  );
}
