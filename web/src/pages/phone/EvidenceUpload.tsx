import { App, List, Typography } from "antd";
import { useState } from "react";
import { currentSession } from "../../auth/session";
import { reportExpired } from "../../auth/expired";

interface Evidence {
  id: string;
  fileName?: string | null;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * Photos from the phone's camera as evidence (`input type=file capture`): each file is sent as it is to
 * `POST /visits/:id/evidence` (docs/inspection.md, "Evidence"); the county hashes it and enters the digest
 * in the visit's chain. Refusals (too large, not a photo / video / audio / PDF) come back in Chinese.
 */
export function EvidenceUpload({ visitId, evidence, onDone }: { visitId: string; evidence: Evidence[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        const r = await fetch(`/visits/${encodeURIComponent(visitId)}/evidence?name=${encodeURIComponent(file.name)}`, {
          method: "POST",
          headers: { "content-type": file.type || "application/octet-stream", authorization: `Bearer ${currentSession()?.token ?? ""}` },
          body: file,
        });
        const body = (await r.json().catch(() => ({}))) as { errors?: { message: string; extensions?: { code?: string } }[] };
        const error = body.errors?.[0];
        if (error?.extensions?.code === "UNAUTHENTICATED") reportExpired(error.message);
        if (!r.ok) throw new Error(error?.message ?? `上传失败（HTTP ${r.status}）`);
      }
      message.success("证据已上传");
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <label htmlFor={`evidence-${visitId}`} style={{ display: "block", marginBottom: 8 }}>
        拍照取证（可多张）
      </label>
      <input
        id={`evidence-${visitId}`}
        type="file"
        accept="image/*,video/*,audio/*,application/pdf"
        capture="environment"
        multiple
        disabled={busy}
        onChange={(e) => void upload(e.target.files)}
      />
      <List
        size="small"
        locale={{ emptyText: "尚无证据" }}
        dataSource={evidence}
        renderItem={(ev) => (
          <List.Item>
            <Typography.Link href={`/visits/${visitId}/evidence/${ev.sha256}`} target="_blank">
              {ev.fileName ?? ev.sha256.slice(0, 12)}
            </Typography.Link>
            <span>{ev.size < 1024 ? `${ev.size} B` : `${(ev.size / 1024).toFixed(0)} KB`}</span>
          </List.Item>
        )}
      />
    </div>
  );
}
