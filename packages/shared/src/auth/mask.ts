/**
 * Personal data as the public sees it: 王建国 → 王*国, 张三 → 张*; certificate and phone numbers keep
 * only their first and last characters.
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}

export function maskNumber(value: string | null, keepStart = 3, keepEnd = 2): string | null {
  if (value === null) return null;
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) return "*".repeat(chars.length);
  return `${chars.slice(0, keepStart).join("")}${"*".repeat(chars.length - keepStart - keepEnd)}${chars.slice(-keepEnd).join("")}`;
}
