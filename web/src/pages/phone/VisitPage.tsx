import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, App, Button, Card, Collapse, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useSession } from "../../auth/useSession";
import { apiMessage } from "../../lib/errors";
import { INSPECTION_RESULT, VISIT_STATUS } from "../../lib/labels";
import { EvidenceUpload } from "./EvidenceUpload";
import { FindingForm } from "./FindingForm";
import { ReportDraft } from "./ReportDraft";
import { StartVisitForm } from "./StartVisitForm";
import { END_VISIT, PHONE_VISIT } from "./visit-documents";

/**
 * One visit on the inspector's phone (390 px): start on site, a finding per matter of my department, photos
 * as evidence, end, then my department's report draft (docs/inspection.md, "The visit's life").
 */
export default function VisitPage() {
  const { id = "" } = useParams();
  const session = useSession();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(PHONE_VISIT, { variables: { id } });
  const [end, ending] = useMutation(END_VISIT);
  // The API's findings do not name their matter (docs/inspection.md): what was saved here is remembered here.
  const [saved, setSaved] = useState<Record<string, { result: string; description: string }>>({});
  const reload = () => void refetch();
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  if (loading || !data) return <Spin />;
  const v = data.visit;
  if (!v) return <Alert type="warning" showIcon message="没有这次检查，或您无权查看" />;
  const mine = v.teams.filter((t) => t.department === session?.department);
  const record = v.subject.records[0];
  const finish = async () => {
    try {
      await end({ variables: { visitId: v.id } });
      message.success("检查已结束，报告草稿已生成");
      reload();
    } catch (e) {
      message.error(apiMessage(e));
    }
  };
  const report = v.reports.find((r) => r.department === session?.department);
  return (
    <div style={{ maxWidth: 480, margin: "0 auto" }}>
      <Link to="/my">← 我的检查任务</Link>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 8 }}>
        {record?.name ?? v.uscc}
      </Typography.Title>
      <p>
        <Tag data-testid="visit-status">{VISIT_STATUS[v.status] ?? v.status}</Tag> {record?.address}
      </p>
      {v.status === "SCHEDULED" && (
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>开始检查</h2>}>
          <StartVisitForm visitId={v.id} teams={v.teams} onDone={reload} />
        </Card>
      )}
      {v.status === "IN_PROGRESS" && (
        <>
          <Card
            size="small"
            title={<h2 style={{ fontSize: 16, margin: 0 }}>检查结果</h2>}
            extra={`已录入 ${v.findings.filter((f) => mine.some((t) => t.department === f.department)).length} 项`}
            style={{ marginBottom: 12 }}
          >
            <Collapse
              items={mine.flatMap((t) =>
                t.matters.map((m) => {
                  const current = saved[`${t.department}:${m.id}`];
                  return {
                    key: `${t.department}-${m.id}`,
                    label: (
                      <span>
                        {m.name} {current ? <Tag color="#237804">{INSPECTION_RESULT[current.result]}</Tag> : <Tag>本次未录入</Tag>}
                      </span>
                    ),
                    children: (
                      <FindingForm
                        visitId={v.id}
                        department={t.department}
                        matter={m}
                        current={current}
                        onDone={(f) => (setSaved({ ...saved, [`${t.department}:${m.id}`]: f }), reload())}
                      />
                    ),
                  };
                }),
              )}
            />
          </Card>
          <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>证据</h2>} style={{ marginBottom: 12 }}>
            <EvidenceUpload visitId={v.id} evidence={v.evidence} onDone={reload} />
          </Card>
          <Button type="primary" danger block loading={ending.loading} onClick={() => void finish()}>
            结束检查
          </Button>
        </>
      )}
      {report && (
        <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>检查报告</h2>}>
          <ReportDraft visitId={v.id} report={report} onDone={reload} />
        </Card>
      )}
    </div>
  );
}
