import { useMutation } from "@apollo/client/react";
import { Alert, App, Button, Radio, Space, Table, Upload } from "antd";
import { useState } from "react";
import { graphql } from "../../gql";
import type { ConsoleImportMutation } from "../../gql/graphql";
import { apiMessage } from "../../lib/errors";

const IMPORT = graphql(`
  mutation ConsoleImport($department: String!, $csvBase64: String!, $options: ImportOptions) {
    importSubjectsCsv(department: $department, csvBase64: $csvBase64, options: $options) {
      committed
      created
      updated
      rejected
      rows
      encoding
      mode
      errors {
        line
        uscc
        code
        reason
      }
    }
  }
`);

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Import the subject directory from a CSV file, UTF-8 or GBK (the bytes are sent as they are, the
 * service tells the encodings apart), showing every refused line with its reason.
 */
export function ImportCsv({ department, onImported }: { department: string; onImported: () => void }) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<"ALL_OR_NOTHING" | "GOOD_ROWS">("ALL_OR_NOTHING");
  const [report, setReport] = useState<ConsoleImportMutation["importSubjectsCsv"]>();
  const [run, { loading }] = useMutation(IMPORT);
  const upload = async (file: File) => {
    try {
      const csvBase64 = base64(new Uint8Array(await file.arrayBuffer()));
      const r = await run({ variables: { department, csvBase64, options: { mode, encoding: "AUTO" } } });
      setReport(r.data!.importSubjectsCsv);
      if (r.data!.importSubjectsCsv.committed) onImported();
    } catch (e) {
      message.error(apiMessage(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
        <Radio value="ALL_OR_NOTHING">有错误行则全部不导入</Radio>
        <Radio value="GOOD_ROWS">只导入正确的行</Radio>
      </Radio.Group>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <Button type="primary" loading={loading}>
          选择 CSV 文件导入（UTF-8 或 GBK）
        </Button>
      </Upload>
      {report && (
        <>
          <Alert
            role="status"
            type={report.errors.length ? (report.committed ? "warning" : "error") : "success"}
            showIcon
            message={
              report.committed
                ? `已导入：新增 ${report.created} 户，更新 ${report.updated} 户；${report.rejected} 行有错误未导入（共 ${report.rows} 行，编码 ${report.encoding}）`
                : `未导入任何数据：${report.rejected} 行有错误（共 ${report.rows} 行）。请修改后重新导入，或选择“只导入正确的行”。`
            }
          />
          {report.errors.length > 0 && (
            <Table
              rowKey={(e) => `${e.line}-${e.code}`}
              size="small"
              dataSource={report.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: "行号", dataIndex: "line", width: 80 },
                { title: "统一社会信用代码", dataIndex: "uscc" },
                { title: "错误", dataIndex: "reason" },
              ]}
            />
          )}
        </>
      )}
    </Space>
  );
}
