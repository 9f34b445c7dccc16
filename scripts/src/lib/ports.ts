/**
 * Ports the Fetch standard blocks (https://fetch.spec.whatwg.org/#port-blocking): Node's fetch refuses
 * to connect to them, so a service listening on one could never be reached by the others.
 */
const BLOCKED = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * Checks the ports `npm start` would use (the gateway's and those derived from it): a message naming
 * the first bad one and why, or null when all are usable.
 */
export function checkPorts(ports: { service: string; port: number }[]): string | null {
  for (const { service, port } of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) return `${service} 的端口 ${port} 无效：须为 1–65535 之间的整数`;
    if (BLOCKED.has(port)) return `${service} 的端口 ${port} 被 Node 的 HTTP 客户端（fetch）禁止连接，请换一个 --port`;
  }
  return null;
}
