import { useMutation } from "@apollo/client/react";
import { Alert, App, Button, Form, Input, Space, Tag } from "antd";
import { apiMessage } from "../../lib/errors";
import { REPORT_STATUS } from "../../lib/labels";
import { SUBMIT_REPORT, UPDATE_REPORT } from "./visit-documents";

interface Report {
  department: string;
  status: string;
  dueDate: string;
  inspectionTime: string;
  content: string;
  steps: string;
  findings: string;
  evaluation: string;
  handling: string;
  returnReason?: string | null;
}

const FIELDS = [
  ["inspectionTime", "（一）检查时间"],
  ["content", "（二）检查内容"],
  ["steps", "（三）检查步骤与方式"],
  ["findings", "（四）检查结果"],
  ["evaluation", "（五）对被检查对象的评价"],
  ["handling", "（六）处理意见和建议"],
] as const;

/** My department's report drafted from the findings when the visit ended: edit, save, submit for review. */
export function ReportDraft({ visitId, report, onDone }: { visitId: string; report: Report; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [update, updating] = useMutation(UPDATE_REPORT);
  const [submit, submitting] = useMutation(SUBMIT_REPORT);
  const editable = report.status === "DRAFT";
  const save = async (andSubmit: boolean) => {
    try {
      const input = await form.validateFields();
      await update({ variables: { visitId, department: report.department, input } });
      if (andSubmit) await submit({ variables: { visitId, department: report.department } });
      message.success(andSubmit ? "报告已提交审核" : "报告草稿已保存");
      onDone();
    } catch (e) {
      if (!(e as { errorFields?: unknown }).errorFields) message.error(apiMessage(e));
    }
  };
  return (
    <>
      {/* outside the form: a disabled form greys its tags below the contrast a reader needs */}
      <Space style={{ marginBottom: 8 }}>
        <Tag>{REPORT_STATUS[report.status] ?? report.status}</Tag>
        <span>截止 {report.dueDate}</span>
      </Space>
      {report.returnReason && <Alert type="warning" showIcon message={`退回理由：${report.returnReason}`} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" initialValues={report} disabled={!editable}>
        {FIELDS.map(([name, label]) => (
          <Form.Item
            key={name}
            name={name}
            label={label}
            rules={[{ required: true, whitespace: true, message: `请填写${label.slice(3)}` }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
          </Form.Item>
        ))}
        {editable && (
          <Space>
            <Button loading={updating.loading} onClick={() => void save(false)}>
              保存草稿
            </Button>
            <Button type="primary" loading={submitting.loading} onClick={() => void save(true)}>
              提交审核
            </Button>
          </Space>
        )}
      </Form>
    </>
  );
}
