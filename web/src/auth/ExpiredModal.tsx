import { Modal, Typography } from "antd";
import { SignInChoices } from "./SignInChoices";

/** The "登录已过期" dialog over the page (see ExpiredDialog): the API's message and the ways to sign in. */
export default function ExpiredModal({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <Modal open title="登录已过期，请重新登录" footer={null} onCancel={onClose}>
      <Typography.Paragraph>{message}。您在页面上填写的内容已保留，重新登录后再提交即可。</Typography.Paragraph>
      <SignInChoices onSignedIn={onClose} />
    </Modal>
  );
}
