import { Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { onExpired } from "./expired";
import { SignInChoices } from "./SignInChoices";

/**
 * Asks to sign in again when the token expires mid-session. The page under it stays mounted, so a
 * half-filled form keeps every value; after signing in the user simply submits again.
 */
export function ExpiredDialog() {
  const [message, setMessage] = useState<string>();
  useEffect(() => onExpired(setMessage), []);
  return (
    <Modal open={!!message} title="登录已过期，请重新登录" footer={null} onCancel={() => setMessage(undefined)}>
      <Typography.Paragraph>{message}。您在页面上填写的内容已保留，重新登录后再提交即可。</Typography.Paragraph>
      <SignInChoices onSignedIn={() => setMessage(undefined)} />
    </Modal>
  );
}
