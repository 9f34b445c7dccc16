import { useQuery } from "@apollo/client/react";
import { Alert, Spin, Tag } from "antd";
import { PortalMattersDocument } from "./portal.generated";
import { apiMessage } from "../../lib/errors";
import { PlainTable } from "../../lib/PlainTable";
import { MATTER_CLASS, percent } from "../../lib/labels";

/**
 * One department's published matter list (事项、依据、主体、对象、内容、比例、频次). Fetched per department
 * when its tab opens: every department's full list in one query is over the gateway's cost limit
 * (docs/architecture.md, query limits), and a citizen reads one department at a time.
 */
export function MatterList({ department }: { department: string }) {
  const { data, loading, error } = useQuery(PortalMattersDocument, { variables: { code: department } });
  if (error) return <Alert type="error" showIcon message={apiMessage(error)} />;
  if (loading) return <Spin style={{ display: "block", margin: 24 }} />;
  return (
    <PlainTable
      label="随机抽查事项清单"
      rowKey={(m) => m.id}
      rows={data?.department?.matters?.nodes ?? []}
      columns={[
        { title: "事项", render: (m) => `${m.name}${m.subItem ? ` · ${m.subItem}` : ""}` },
        { title: "类别", render: (m) => <Tag>{MATTER_CLASS[m.matterClass] ?? m.matterClass}</Tag> },
        { title: "抽查依据", render: (m) => m.legalBasis, maxWidth: 320 },
        { title: "抽查主体", render: (m) => m.implementingBody },
        { title: "抽查对象", render: (m) => m.objectType },
        { title: "抽查内容", render: (m) => m.content, maxWidth: 320 },
        { title: "比例", render: (m) => percent(m.defaultRatio) },
        { title: "频次（次/年）", render: (m) => m.yearlyFrequency },
      ]}
    />
  );
}
